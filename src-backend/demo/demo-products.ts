/** The vendor's product catalog: releases oldest first, the last one is the latest stable version. */
export interface DemoProduct {
  id: string;
  name: string;
  releases: readonly string[];
  discontinued: boolean;
  /** How often customers write about it, relative to the others. */
  weight: number;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    id: 'p-deskflow',
    name: 'DeskFlow Helpdesk',
    releases: ['4.9.8', '5.0.3', '5.1.0', '5.2.4', '5.3.1', '5.4.0', '5.4.1', '5.4.2'],
    discontinued: false,
    weight: 5,
  },
  {
    id: 'p-cartpilot',
    name: 'CartPilot Shop',
    releases: ['3.8.2', '3.9.0', '3.10.1', '3.11.0', '3.11.4', '3.12.0'],
    discontinued: false,
    weight: 4,
  },
  {
    id: 'p-ledgerlite',
    name: 'LedgerLite Invoicing',
    releases: ['2.5.0', '2.6.3', '2.7.0', '2.8.0', '2.8.1'],
    discontinued: false,
    weight: 3,
  },
  {
    id: 'p-formforge',
    name: 'FormForge',
    releases: ['3.6.1', '3.7.0', '4.0.0', '4.0.2', '4.0.3'],
    discontinued: false,
    weight: 2,
  },
  {
    id: 'p-pagecraft',
    name: 'PageCraft CMS',
    releases: ['6.4.0', '6.5.2', '7.0.1', '7.1.0', '7.2.0'],
    discontinued: false,
    weight: 2,
  },
  {
    id: 'p-contactbook',
    name: 'ContactBook CRM',
    releases: ['1.8.0', '1.9.2', '1.9.7'],
    discontinued: true,
    weight: 0.5,
  },
];

export const DISCONTINUED_PRODUCT = DEMO_PRODUCTS.find((p) => p.discontinued) as DemoProduct;

export function latestRelease(product: DemoProduct): string {
  return product.releases[product.releases.length - 1] as string;
}

/** Another product of the vendor that is still sold (for interoperability and successor mentions). */
export function otherProduct(product: DemoProduct | null): DemoProduct {
  return DEMO_PRODUCTS.find((p) => p !== product && !p.discontinued) as DemoProduct;
}
