import type { ScopeCategory } from '../policy-schema';

/**
 * Every in-scope and out-of-scope request type of the support policy (docs/policy.md, Preset B) as its own category, so the
 * engineer's pick records exactly which rule applied. Keywords only drive suggestions: they are
 * lower-case words or phrases matched as whole words, so keep them specific.
 */
export const defaultScopeCategories: ScopeCategory[] = [
  {
    id: 'how-to-feature-question',
    label: 'How-to and feature questions',
    inScope: true,
    keywords: ['how do i', 'how can i', 'how to', 'is it possible', 'is there a way', 'where can i find', 'where do i', 'does it support', 'feature', 'feature request', 'question'],
  },
  {
    id: 'documented-feature-behaviour',
    label: 'Basic usage and unexpected behaviour of documented features',
    inScope: true,
    keywords: ['unexpected', 'unexpectedly', 'does not work', "doesn't work", 'not working', 'stopped working', 'behaves', 'behaviour', 'behavior', 'wrong result', 'expected', 'usage', 'documented feature'],
  },
  {
    id: 'product-defect',
    label: "Defects the vendor's engineer has identified as caused by the product",
    inScope: true,
    keywords: ['bug', 'defect', 'regression', 'broken', 'crash', 'glitch', 'reproducible', 'steps to reproduce'],
  },
  {
    id: 'documentation-error',
    label: 'Documentation errors',
    inScope: true,
    keywords: ['documentation', 'docs', 'manual', 'user guide', 'knowledge base', 'typo', 'help page', 'documentation error', 'wrong in the documentation'],
  },
  {
    id: 'installation-upgrade',
    label: 'Installation and upgrade issues',
    inScope: true,
    keywords: ['install', 'installation', 'installer', 'installing', 'setup wizard', 'upgrade', 'upgrading', 'upgraded', 'update', 'updating', 'after upgrade', 'after the upgrade', 'after updating', 'installation failed', 'upgrade failed', 'new version'],
  },
  {
    id: 'vendor-product-interop',
    label: "Interoperability with the vendor's other products",
    inScope: true,
    keywords: ['your other product', 'other product of yours', 'works with your', 'together with your', 'companion app', 'bundle', 'suite', 'connector', 'integration with your'],
  },
  {
    id: 'product-runtime-error',
    label: 'Runtime errors of the product (not of the web server, database or other third-party software)',
    inScope: true,
    keywords: ['error', 'error message', 'exception', 'fatal error', 'runtime error', 'stack trace', 'traceback', 'uncaught', 'warning', 'undefined', 'null pointer', 'blank page', 'white screen'],
  },
  {
    id: 'third-party-basic-interop',
    label: 'Basic interoperability with third-party products such as accounting software',
    inScope: true,
    keywords: ['accounting', 'accounting software', 'quickbooks', 'xero', 'sage', 'freshbooks', 'erp', 'crm', 'export to', 'import from', 'csv', 'payment gateway', 'paypal', 'stripe'],
  },
  {
    id: 'api-how-to',
    label: 'Basic how-to on the documented APIs',
    inScope: true,
    keywords: ['api', 'rest api', 'api key', 'api call', 'endpoint', 'webhook', 'sdk', 'json', 'request body', 'api documentation', 'authentication token'],
  },
  {
    id: 'license-key-server-change',
    label: 'License-key problems caused by upgrading or changing servers',
    inScope: true,
    keywords: ['license key', 'licence key', 'license', 'licence', 'activation', 'activate', 'reactivate', 'invalid license', 'new server', 'changed server', 'changing servers', 'moved to a new server', 'server move', 'domain change', 'hardware id'],
  },
  {
    id: 'third-party-software-hardware',
    label: 'Third-party software or hardware (FTP accounts, corrupt database tables, ...)',
    inScope: false,
    keywords: ['ftp', 'ftp account', 'sftp', 'filezilla', 'cpanel', 'plesk', 'hosting provider', 'hosting account', 'hardware', 'printer', 'antivirus', 'operating system', 'corrupt table', 'corrupted table', 'crashed table', 'third-party software'],
  },
  {
    id: 'database-performance-tuning',
    label: 'Database integrity or performance, optimization and tuning',
    inScope: false,
    keywords: ['slow query', 'slow queries', 'database performance', 'database integrity', 'performance', 'slow', 'optimization', 'optimize', 'optimise', 'tuning', 'tune', 'index', 'deadlock', 'query cache', 'innodb', 'foreign key', 'database load'],
  },
  {
    id: 'web-server-database-setup',
    label: 'Configuration or installation of web servers and databases',
    inScope: false,
    keywords: ['nginx', 'apache', 'httpd', 'iis', 'tomcat', 'htaccess', 'mod_rewrite', 'virtual host', 'vhost', 'web server', 'webserver', 'database server', 'mysql', 'mariadb', 'postgresql', 'postgres', 'my.cnf', 'install mysql', 'configure apache', 'configure nginx', 'reverse proxy'],
  },
  {
    id: 'forum-issue',
    label: 'Issues created in or referred from the forum',
    inScope: false,
    keywords: ['forum', 'community forum', 'forum post', 'forum thread', 'posted on the forum', 'referred from the forum', 'moderator', 'community thread'],
  },
  {
    id: 'customized-code',
    label: 'Customized code, however small',
    inScope: false,
    keywords: ['customized', 'customised', 'customization', 'custom code', 'my own code', 'modified the code', 'changed the code', 'edited the code', 'core file', 'patched', 'added code', 'code change', 'override', 'hack', 'developer changed'],
  },
  {
    id: 'data-modified-unsupported',
    label: 'Data modified by unsupported means',
    inScope: false,
    keywords: ['phpmyadmin', 'directly in the database', 'database directly', 'edited the database', 'changed the database', 'modified the database', 'manual sql', 'sql update', 'raw sql', 'ran a query', 'bulk edit', 'script to update'],
  },
  {
    id: 'non-vendor-addon-template',
    label: 'Add-ons or templates not bought from the vendor',
    inScope: false,
    keywords: ['third-party template', 'third-party plugin', 'third-party add-on', 'plugin', 'add-on', 'addon', 'extension', 'themeforest', 'marketplace', 'free template', 'nulled', 'template from'],
  },
  {
    id: 'migration-backup-repair',
    label: 'Data migration, backups, corrupt database repair',
    inScope: false,
    keywords: ['migrate', 'migrating', 'migration', 'data migration', 'import data', 'transfer data', 'move data', 'backup', 'back up', 'restore', 'dump', 'repair', 'corrupt database', 'corrupted database', 'database repair', 'repair the database'],
  },
  {
    id: 'php-settings',
    label: 'Enabling or disabling PHP settings',
    inScope: false,
    keywords: ['php.ini', 'php setting', 'php extension', 'php module', 'memory_limit', 'upload_max_filesize', 'post_max_size', 'max_execution_time', 'allow_url_fopen', 'display_errors', 'safe_mode', 'open_basedir', 'ioncube', 'enable php', 'disable php'],
  },
  {
    id: 'mail-server-debugging',
    label: 'Mail-server debugging',
    inScope: false,
    keywords: ['smtp', 'mail server', 'smtp server', 'sendmail', 'postfix', 'exim', 'mx record', 'dkim', 'spf', 'spam folder', 'bounce', 'bounced', 'emails not sent', 'emails are not sent', 'not receiving emails', 'email delivery', 'mail delivery'],
  },
  {
    id: 'unsupported-environment',
    label: 'Unsupported server or client environments',
    inScope: false,
    keywords: ['unsupported', 'internet explorer', 'ie11', 'ie 11', 'windows xp', 'windows 7', 'old browser', 'unsupported browser', 'php 5', 'php 7', 'shared hosting', 'raspberry pi', 'system requirements', 'requirements'],
  },
  {
    id: 'network-deployment',
    label: 'Network configuration or deployment',
    inScope: false,
    keywords: ['dns', 'firewall', 'proxy', 'load balancer', 'ssl certificate', 'tls certificate', 'certificate', 'vpn', 'port', 'deploy', 'deployment', 'docker', 'kubernetes', 'cdn', 'cloudflare', 'router', 'subdomain', 'network'],
  },
  {
    id: 'outdated-version',
    label: 'Products not on the latest stable version',
    inScope: false,
    keywords: ['old version', 'older version', 'outdated version', 'previous version', 'legacy version', 'still on version', 'not upgraded', 'have not upgraded', 'beta version', 'pre-release'],
  },
  {
    id: 'discontinued-license-key',
    label: 'License keys of discontinued or outdated software',
    inScope: false,
    keywords: ['discontinued', 'end of life', 'eol', 'no longer sold', 'retired product', 'old license', 'legacy license', 'license for an old version', 'license for the old version', 'outdated software'],
  },
  {
    id: 'template-customization',
    label: 'Template customizations (HTML and CSS)',
    inScope: false,
    keywords: ['css', 'html', 'template', 'stylesheet', 'style sheet', 'change the color', 'change the colour', 'font', 'layout', 'header', 'footer', 'logo', 'theme', 'customize the template', 'change the design'],
  },
];
