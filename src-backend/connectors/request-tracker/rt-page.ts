import type { RtPage } from './rt-schemas';

interface RawPage<T> {
  items: T[];
  page: number;
  count: number;
  per_page: number;
  pages?: number | null | undefined;
}

/** The last page: RT's page count says so, or (when RT does not count) the page is not full. */
export function isLastPage(page: RawPage<unknown>): boolean {
  return page.pages === null || page.pages === undefined ? page.count < page.per_page : page.page >= page.pages;
}

export function pageOf<T>(page: RawPage<T>): RtPage<T> {
  return { items: page.items, page: page.page, nextPage: isLastPage(page) ? null : page.page + 1 };
}
