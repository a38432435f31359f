import { DISCONTINUED_PRODUCT } from './demo-products';
import type { DemoTopic, TopicVariant } from './demo-topic';

/** Variants that share the staff's answer: out-of-scope replies say the same whatever the detail. */
function sameAnswer(answer: Pick<TopicVariant, 'reply' | 'followUp' | 'resolution'>, asks: ReadonlyArray<Pick<TopicVariant, 'subjects' | 'problem'>>): TopicVariant[] {
  return asks.map((ask) => ({ ...ask, ...answer }));
}

/** Out-of-scope requests of Preset B (docs/policy.md): the staff replies say so, politely. */
export const OUT_OF_SCOPE_TOPICS: readonly DemoTopic[] = [
  {
    id: 'ftp-hosting',
    categoryId: 'third-party-software-hardware',
    weight: 2,
    details: ['Our hosting provider says everything is fine on their side.'],
    variants: [
      {
        subjects: ['Cannot connect with FTP to upload files', 'FTP account does not work'],
        problem: 'I cannot connect to our server with FileZilla over FTP to upload the files for {product}.',
        reply: 'FTP accounts are third-party software, which is outside what our support covers. Your hosting provider can reset the FTP account for you.',
        followUp: 'Understood, I will ask the hosting provider.',
        resolution: 'Thanks for understanding. Closing this ticket.',
      },
      {
        subjects: ['Receipt printer not printing', 'Order slips do not print'],
        problem: 'Our receipt printer stopped printing the order slips; the printer hardware shows no error.',
        reply: 'Printer hardware is outside what our support covers. {product} sends the slips to the printer queue correctly; the printer vendor can help with the device.',
        followUp: 'OK, we will call the printer vendor.',
        resolution: 'Thanks. Closing this ticket.',
      },
    ],
  },
  {
    id: 'slow-database',
    categoryId: 'database-performance-tuning',
    weight: 3,
    details: ['We have about two million records.'],
    variants: sameAnswer(
      {
        reply: 'Database performance, optimization and tuning are outside the scope of our support. A database administrator can look at slow queries and indexes for you; our system requirements page lists recommended settings.',
        followUp: 'OK, we will hire a DBA.',
        resolution: 'Thanks. Closing this ticket.',
      },
      [
        { subjects: ['Reports page is very slow', 'Slow queries on the reports page'], problem: 'The reports page takes over a minute to load. Our hosting company says it runs slow queries and asks for an index.' },
        { subjects: ['Database performance since the data grew', 'Can you tune our database?'], problem: 'Since our data grew, the database performance is poor. Can you help us optimize and tune the database?' },
      ],
    ),
  },
  {
    id: 'web-server-setup',
    categoryId: 'web-server-database-setup',
    weight: 3,
    details: ['We are moving from shared hosting to our own server.'],
    variants: sameAnswer(
      {
        reply: 'Configuring and installing web servers and databases is outside the scope of our support. The installation guide lists the rewrite rules and database settings that {product} needs; your server administrator can apply them.',
        followUp: 'Thanks, the installation guide helped our admin.',
        resolution: 'Glad to hear it. Closing.',
      },
      [
        { subjects: ['Nginx configuration for {product}', 'Web server returns 404'], problem: 'Could you send us an nginx configuration for {product}? Our web server returns 404 for every page except the home page.' },
        { subjects: ['How do I install MySQL for {product}?', 'Database server setup'], problem: 'We need help to install MySQL on our database server and configure it for {product}.' },
        { subjects: ['Apache virtual host returns 404', 'mod_rewrite problem'], problem: 'Our Apache virtual host returns 404; mod_rewrite is maybe not enabled.' },
      ],
    ),
  },
  {
    id: 'forum-referral',
    categoryId: 'forum-issue',
    weight: 2,
    source: 'forum-referred',
    details: ['The forum thread has the details.'],
    variants: sameAnswer(
      {
        reply: 'Issues created in or referred from the community forum are handled in the forum, not through support tickets. Please continue in your forum thread, where the community and our moderators will help.',
        followUp: 'OK, I will continue on the forum.',
        resolution: 'Thanks. Closing this ticket.',
      },
      [
        { subjects: ['Following up on my forum thread', 'Moderator sent me here'], problem: 'A moderator on the community forum told me to open a ticket about my forum post on importing contacts.' },
        { subjects: ['Referred from the community forum', 'Forum post about email templates'], problem: 'I posted on the forum about a problem with email templates and was referred here.' },
      ],
    ),
  },
  {
    id: 'custom-code',
    categoryId: 'customized-code',
    weight: 3,
    findings: { codeNotCustomized: false },
    details: ['It is only a small customization.'],
    variants: sameAnswer(
      {
        reply: 'I had a look: the code was modified. Customized code is outside the scope of our support, however small the change. Restoring the original file brings the normal behaviour back; the documented settings may cover what you need.',
        followUp: 'Understood, we will restore the original file.',
        resolution: 'Thanks. Closing this ticket.',
      },
      [
        { subjects: ['Checkout totals wrong after our change', 'Handling fee breaks the totals'], problem: 'Our developer changed the code of the checkout to add a handling fee and now the totals are off.' },
        { subjects: ['Custom code stopped working after update', 'Our warehouse export no longer runs'], problem: 'We added code to a core file to send orders to our warehouse, and after the update it stopped working.' },
      ],
    ),
  },
  {
    id: 'direct-db-edit',
    categoryId: 'data-modified-unsupported',
    weight: 2,
    findings: { dataNotModified: false },
    details: ['We have a backup from last week.'],
    variants: sameAnswer(
      {
        reply: 'Data modified directly in the database (through phpMyAdmin or manual SQL) is outside the scope of our support, because the product can no longer keep its data consistent. Restoring the backup from before the change is the safest way back.',
        followUp: 'We restored the backup, things look normal again.',
        resolution: 'Good to hear. Closing this ticket.',
      },
      [
        { subjects: ['Orders missing after editing the database', 'Prices changed in phpMyAdmin'], problem: 'We edited the database directly in phpMyAdmin to change some prices, and now some orders are missing from the list.' },
        { subjects: ['Category page errors after a manual SQL update', 'Renamed categories with SQL'], problem: 'I ran a manual SQL update to rename categories and now the category page shows errors.' },
      ],
    ),
  },
  {
    id: 'foreign-addon',
    categoryId: 'non-vendor-addon-template',
    weight: 2,
    findings: { addonsPurchased: false },
    details: ['The plugin vendor does not answer.'],
    variants: sameAnswer(
      {
        reply: 'Add-ons and templates that were not bought from us are outside our support. With the third-party add-on disabled, {product} works normally again; its vendor is the right contact for its errors.',
        followUp: 'Disabled it, works. Thanks.',
        resolution: 'Thanks. Closing.',
      },
      [
        { subjects: ['Third-party plugin broke the dashboard', 'Dashboard errors after installing a plugin'], problem: 'After installing a third-party plugin from a marketplace, the dashboard of {product} shows errors.' },
        { subjects: ['Template from a marketplace shows errors', 'ThemeForest template breaks product pages'], problem: 'We bought a template from ThemeForest and the product pages now show broken layouts.' },
      ],
    ),
  },
  {
    id: 'migration-backup',
    categoryId: 'migration-backup-repair',
    weight: 3,
    details: ['About 30,000 records in total.'],
    variants: sameAnswer(
      {
        reply: 'Data migration, backups and repair of corrupt databases are not part of our support. Our partners page lists consultants who offer migration and backup services.',
        followUp: 'OK, we will contact a partner.',
        resolution: 'Thanks. Closing this ticket.',
      },
      [
        { subjects: ['Help migrating data from our old system', 'Data migration into {product}'], problem: 'We want to migrate our data from our old system into {product}. Can you do the data migration for us?' },
        { subjects: ['How to restore a backup', 'Restore last month\'s backup'], problem: 'We need to restore a backup from last month; can you restore it for us?' },
        { subjects: ['Corrupt database after power outage', 'Database repair needed'], problem: 'After a power outage the database is corrupt. Can you repair the database?' },
      ],
    ),
  },
  {
    id: 'php-settings',
    categoryId: 'php-settings',
    weight: 2,
    details: ['We have no shell access.'],
    variants: sameAnswer(
      {
        reply: 'Enabling or changing PHP settings is outside the scope of our support; your hosting provider can change php.ini settings and PHP extensions for you.',
        followUp: 'Our host changed it. Thanks.',
        resolution: 'Great. Closing.',
      },
      [
        { subjects: ['Need to increase upload_max_filesize', 'Uploads over 2 MB fail'], problem: 'Uploads over 2 MB fail. How do I increase upload_max_filesize in php.ini?' },
        { subjects: ['Please enable the PHP extension intl', 'Missing PHP extension'], problem: 'The requirements check says a PHP extension is missing. Can you enable it on our server?' },
      ],
    ),
  },
  {
    id: 'mail-server',
    categoryId: 'mail-server-debugging',
    weight: 4,
    details: ['Test emails from the settings page also bounce.'],
    variants: sameAnswer(
      {
        reply: 'Mail-server debugging is outside our scope. {product} hands the message to your SMTP server correctly, as the log shows; your mail provider can fix the relay or the SPF and DKIM records.',
        followUp: 'The mail provider fixed it. Thanks.',
        resolution: 'Thanks for letting us know. Closing.',
      },
      [
        { subjects: ['Notification emails are not sent', 'SMTP server rejects our messages'], problem: 'Notification emails are not sent any more. The SMTP server log shows "relay denied".' },
        { subjects: ['Emails end up in the spam folder', 'Do we need SPF or DKIM?'], problem: 'Customers say our emails end up in the spam folder. Do we need SPF or DKIM?' },
      ],
    ),
  },
  {
    id: 'unsupported-env',
    categoryId: 'unsupported-environment',
    weight: 2,
    details: ['Upgrading those machines is hard for us.'],
    variants: sameAnswer(
      {
        reply: 'That environment is not supported: the system requirements list the supported browsers and server versions. We cannot help with problems in unsupported environments.',
        followUp: 'Understood.',
        resolution: 'Thanks. Closing.',
      },
      [
        { subjects: ['Layout broken in Internet Explorer 11', 'Front desk browser shows a broken layout'], problem: 'Our front desk still uses Internet Explorer 11 and the layout is broken.' },
        { subjects: ['Running on a Raspberry Pi', 'Is PHP 7 on a Raspberry Pi supported?'], problem: 'We want to run {product} on a Raspberry Pi with PHP 7. Is that supported?' },
      ],
    ),
  },
  {
    id: 'network-deploy',
    categoryId: 'network-deployment',
    weight: 3,
    details: ['Our network admin is on holiday.'],
    variants: sameAnswer(
      {
        reply: 'Network configuration and deployment are outside our scope. Your network administrator or hosting provider can set up the load balancer, DNS and certificates.',
        followUp: 'OK, thanks.',
        resolution: 'Closing this ticket.',
      },
      [
        { subjects: ['Deploying with Docker behind a load balancer', 'Help with our Docker deployment'], problem: 'We want to deploy {product} with Docker behind a load balancer. Can you help with the deployment?' },
        { subjects: ['SSL certificate error on our subdomain', 'Certificate error after DNS move'], problem: 'Our subdomain shows an SSL certificate error after we moved the DNS to Cloudflare.' },
      ],
    ),
  },
  {
    id: 'old-version',
    categoryId: 'outdated-version',
    weight: 3,
    outdated: true,
    details: ['We plan to upgrade later this year.'],
    variants: sameAnswer(
      {
        reply: 'Products not on the latest stable version are outside our scope. The problem was fixed in a later release; please upgrade to {latest} and let us know if it persists.',
        followUp: 'We upgraded to {latest} and it works.',
        resolution: 'Great. Closing.',
      },
      [
        { subjects: ['Problem with the export on an older version', 'Export empty on version {version}'], problem: 'We are still on version {version} and have not upgraded yet. The export produces an empty file.' },
        { subjects: ['Still on version {version}: import error', 'Import stops halfway'], problem: 'On our old version {version} the import stops halfway.' },
      ],
    ),
  },
  {
    id: 'discontinued-license',
    categoryId: 'discontinued-license-key',
    weight: 1,
    licenseKey: true,
    productId: DISCONTINUED_PRODUCT.id,
    details: ['We still use it every day.'],
    variants: sameAnswer(
      {
        reply: '{product} is discontinued, and license keys of discontinued software are outside our support. {other} is its successor; we can offer an upgrade discount.',
        followUp: 'OK, please send the upgrade offer.',
        resolution: 'Sent by email. Closing this ticket.',
      },
      [
        { subjects: ['License key for {product}', 'Reinstalling {product} needs a license'], problem: 'We need a new license key for {product} to reinstall it on a new laptop. I know it is discontinued.' },
        { subjects: ['Lost our license key for the discontinued CRM', 'License key lost'], problem: 'Our old license for {product} was lost. Can you send the license key again?' },
      ],
    ),
  },
  {
    id: 'template-css',
    categoryId: 'template-customization',
    weight: 3,
    details: ['Nothing fancy, just colors and fonts.'],
    variants: sameAnswer(
      {
        reply: 'Template customizations (HTML and CSS) are not covered by our support. You can upload a logo under Settings > Branding; anything beyond that needs a web designer.',
        followUp: 'Thanks, the logo upload is enough for us.',
        resolution: 'Great. Closing.',
      },
      [
        { subjects: ['How to change the colors and logo in the header', 'Header template colors'], problem: 'How can we change the colors and the logo in the header template? We want it to match our brand.' },
        { subjects: ['Custom CSS for the invoice template', 'Invoice layout like our letterhead'], problem: 'We would like custom CSS in the invoice template so the layout matches our letterhead.' },
      ],
    ),
  },
];
