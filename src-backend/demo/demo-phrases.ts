/** The generic parts of messages, around the topic's own sentences. */

export const GREETINGS = ['Hi,', 'Hello,', 'Hello support team,', 'Good morning,', 'Hi there,', 'Dear support,', 'Hey team,'] as const;

export const CUSTOMER_CLOSINGS = ['Thanks in advance,', 'Best regards,', 'Kind regards,', 'Thank you,', 'Cheers,', 'Many thanks,'] as const;

export const URGENT_LINES = [
  'This is urgent: our customers are affected right now.',
  'Marking this urgent, our team cannot work until it is fixed.',
  'Urgent please, we have a deadline today.',
] as const;

export const STAFF_OPENERS = ['Hi {customer},', 'Hello {customer},', 'Hi {customer}, thanks for reaching out.', 'Hello {customer}, thank you for the details.'] as const;

/** Openers of staff messages after the first reply. */
export const STAFF_LATER_OPENERS = ['Hi {customer},', 'Hello {customer},', 'Thanks, {customer}.', 'Hi again {customer},'] as const;

export const STAFF_CLOSINGS = ['Best regards,\n{staff}', 'Kind regards,\n{staff}', 'Let me know how it goes.\n{staff}', 'Cheers,\n{staff}'] as const;

export const INTERNAL_NOTES = [
  'Checked the account: subscription is active, no earlier tickets about this.',
  'Reproduced on the staging install with {product} {version}.',
  'Customer sounds frustrated, second time this month. Let us be quick.',
  'Asked the dev team in the release channel, waiting for an answer.',
  'Logs show the same error since Monday morning.',
  'Similar to an issue we saw last week, same workaround should apply.',
] as const;

/** Preset B answers when a checklist item fails for a reason the topic's own reply does not cover. */
export const NOT_ENTITLED_ANSWER = {
  reply:
    'Your Support and Upgrades Subscription was not valid when this ticket was created, so we cannot help with it under your current plan. A paid renewal starts a new support window from the renewal date: {renewalUrl}',
  followUp: 'We will renew this week and get back to you.',
  resolution: 'Closing this ticket for now. Once the renewal is through, reply here and we will pick it up again.',
};

export const FORUM_ANSWER = {
  reply:
    'This came to us from the community forum. Issues created in or referred from the forum are handled there, not through support tickets; please continue in your forum thread.',
  followUp: 'OK, I will continue on the forum.',
  resolution: 'Thanks. Closing this ticket.',
};

export const OUTDATED_ANSWER = {
  reply:
    'You are on {version}, and products not on the latest stable version are outside our support. Please upgrade to {latest} first and let us know if the problem persists.',
  followUp: 'We upgraded to {latest} and the problem is gone.',
  resolution: 'Great to hear. Closing this ticket.',
};

export const AUTO_CLOSE_NOTICE = 'This ticket was closed automatically because it was solved and had no reply for four days.';

export const LOGIN_DETAIL_LABELS = ['Admin panel login', 'Staging site admin', 'SFTP access', 'Database read-only user', 'Hosting control panel', 'Test user account'] as const;

export const LOGIN_USERNAMES = ['admin', 'support-access', 'vendor-support', 'deploy', 'readonly', 'helpdesk'] as const;

export const NOT_HOLDER_NOTE = 'Requester {requester} is not the account holder ({holder}); the plan is for the holder only. Checking with the holder before going further.';

/** Later rounds of a conversation, after the topic's own follow-up and answer: a question and its answer. */
export const LATER_EXCHANGES = [
  { customer: 'Thanks. One more question: does this also apply to our second site?', staff: 'Yes, the same applies to every site; nothing else to change.' },
  { customer: 'I will check with the team tomorrow and report back.', staff: 'Take your time; I will keep the ticket open until you confirm.' },
  { customer: 'We also use the mobile app. Anything to change there?', staff: 'Nothing to change in the mobile app: it picks up the new settings at the next login.' },
  { customer: 'Our colleague confirms it works on her machine too.', staff: 'Thanks for letting me know, good to hear.' },
] as const;

/** The solving message when the topic's own resolution was already said in an earlier round. */
export const SOLVED_NOTE = 'I will mark this ticket as solved now. Reply here if anything else comes up.';

export const NUDGES = ['Any update on this?', 'Hello, is anyone looking at this? It is still happening.', 'Just checking in: we still need help with this.'] as const;
