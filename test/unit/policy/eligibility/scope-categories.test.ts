import { describe, expect, it } from 'vitest';
import { defaultScopeCategories, suggestScopeCategories } from '@shared/policy/eligibility';
import { scopeCategorySchema, type ScopeCategory } from '@shared/policy/policy-schema';
import { wordTokens } from '@shared/policy/eligibility/text-tokens';

describe('defaultScopeCategories', () => {
  it('has every in-scope and out-of-scope request type of the support policy', () => {
    expect(defaultScopeCategories.filter((c) => c.inScope)).toHaveLength(10);
    expect(defaultScopeCategories.filter((c) => !c.inScope)).toHaveLength(15);
    const labels = defaultScopeCategories.map((c) => c.label);
    for (const label of [
      'How-to and feature questions',
      'Documentation errors',
      'Installation and upgrade issues',
      'Issues created in or referred from the forum',
      'Customized code, however small',
      'Enabling or disabling PHP settings',
      'Mail-server debugging',
      'Template customizations (HTML and CSS)',
    ]) {
      expect(labels).toContain(label);
    }
  });

  it('is valid policy data with unique kebab-case ids and lower-case keywords', () => {
    const ids = defaultScopeCategories.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const category of defaultScopeCategories) {
      expect(scopeCategorySchema.parse(category)).toEqual(category);
      expect(category.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(category.keywords.length).toBeGreaterThanOrEqual(5);
      for (const keyword of category.keywords) expect(keyword).toBe(keyword.toLowerCase());
    }
  });

  it('has no keyword that reads the same as another of its category (it would count twice)', () => {
    for (const category of defaultScopeCategories) {
      const seen = category.keywords.map((k) => wordTokens(k).join(' '));
      expect(new Set(seen).size, category.id).toBe(seen.length);
      for (const words of seen) {
        expect(seen.filter((other) => other === `${words}s` || other === `${words}es`), `${category.id}: ${words}`).toEqual([]);
      }
    }
  });

  it('covers the keywords the engineers asked for', () => {
    const all = new Set(defaultScopeCategories.flatMap((c) => c.keywords));
    for (const k of ['ftp', 'corrupt table', 'slow query', 'nginx', 'apache', 'php.ini', 'smtp', 'migrate', 'backup', 'css', 'template', 'license key', 'install', 'upgrade', 'api', 'how do i']) {
      expect(all.has(k), k).toBe(true);
    }
  });
});

describe('suggestScopeCategories', () => {
  const top = (text: string, limit?: number) => suggestScopeCategories(defaultScopeCategories, text, limit).map((s) => s.categoryId);

  it.each([
    ['How do I configure nginx as a reverse proxy for the product?', ['web-server-database-setup', 'how-to-feature-question', 'network-deployment']],
    ['Our FTP account stopped working and MySQL says the orders table is a corrupt table', ['third-party-software-hardware', 'documented-feature-behaviour', 'web-server-database-setup']],
    ['Emails are not sent any more, the SMTP server rejects the login', ['mail-server-debugging']],
    ['Please help us migrate our data to the new host and set up nightly backups', ['migration-backup-repair']],
    ['After the upgrade to 4.2 the installer shows a fatal error', ['installation-upgrade', 'product-runtime-error']],
    ['We moved to a new server and now the license key is invalid', ['license-key-server-change']],
    ['How can I change the CSS of the invoice template header?', ['template-customization', 'how-to-feature-question']],
    ['Where is the REST API endpoint for creating invoices? The API docs are unclear', ['api-how-to', 'documentation-error']],
    ['I need to raise memory_limit in PHP.INI, which value do you recommend?', ['php-settings']],
    ['The reports page is very slow, I think there is a slow query', ['database-performance-tuning']],
  ])('%j', (text, expected) => {
    expect(top(text)).toEqual(expected);
  });

  it('reports score and matched keywords; phrases outweigh words', () => {
    const [first] = suggestScopeCategories(defaultScopeCategories, 'The FTP account is locked');
    expect(first).toEqual({
      categoryId: 'third-party-software-hardware',
      label: 'Third-party software or hardware (FTP accounts, corrupt database tables, ...)',
      inScope: false,
      score: 3,
      matched: ['ftp', 'ftp account'],
    });
  });

  it('matches whole words only, case- and punctuation-insensitively', () => {
    expect(top('The application is installed')).toEqual([]);
    expect(top('Snapier is great')).toEqual([]);
    expect(top('API!')).toEqual(['api-how-to']);
    expect(top('php-ini')).toEqual(['php-settings']);
    expect(top('Backups?')).toEqual(['migration-backup-repair']);
  });

  it('breaks ties by category order and honours the limit', () => {
    const categories: ScopeCategory[] = [
      { id: 'a', label: 'A', inScope: true, keywords: ['alpha'] },
      { id: 'b', label: 'B', inScope: false, keywords: ['beta'] },
      { id: 'c', label: 'C', inScope: true, keywords: ['gamma ray'] },
    ];
    expect(suggestScopeCategories(categories, 'beta alpha gamma ray').map((s) => s.categoryId)).toEqual(['c', 'a', 'b']);
    expect(suggestScopeCategories(categories, 'beta alpha', 1).map((s) => s.categoryId)).toEqual(['a']);
    expect(suggestScopeCategories(categories, 'beta alpha', 0)).toEqual([]);
  });

  it('returns nothing for empty or unmatched text', () => {
    expect(top('')).toEqual([]);
    expect(top('   \n ')).toEqual([]);
    expect(top('Hello there')).toEqual([]);
  });
});
