import { describe, expect, it } from 'vitest';
import { cancellationReply, detectCancellationRequest } from '@shared/policy/eligibility';
import { thrownField } from './policy-fixture';

describe('detectCancellationRequest', () => {
  it.each([
    ['Please cancel my subscription.', 'cancel my subscription'],
    ['I want to cancel', 'i want to cancel'],
    ['I want to cancel.', 'i want to cancel'],
    ['cancel my plan', 'cancel my plan'],
    ['Cancel my account please', 'cancel my account'],
    ['Please cancel my license, we switched vendors', 'cancel my license'],
    ['Kindly cancel my licence', 'cancel my licence'],
    ['cancel my renewal', 'cancel my renewal'],
    ['Cancel subscription immediately', 'cancel subscription'],
    ['Hello,\nI’d like to cancel my annual gold plan.\nThanks', 'cancel my annual gold plan'],
    ["I'd like to cancel, the product is not for us", "i'd like to cancel"],
    ['We would like to cancel our Support and Upgrades subscription', 'cancel our support'],
    ['Please stop auto-renewal', 'stop auto-renewal'],
    ['Please stop the automatic renewal of my plan', 'stop the automatic renewal'],
    ['Turn off auto renew for us', 'turn off auto renew'],
    ['disable autorenewal', 'disable autorenewal'],
    ['unsubscribe me from the plan', 'unsubscribe me from the plan'],
    ['Please unsubscribe me!', 'unsubscribe me'],
    ['I want to terminate my subscription', 'terminate my subscription'],
    ['We need to terminate the contract at the end of the month', 'terminate the contract'],
    ['I request a refund and cancel', 'refund and cancel'],
    ['Cancel and refund please', 'cancel and refund'],
    ['How do I cancel?', 'how do i cancel'],
    ['Can you cancel it for me?', 'cancel it'],
    ['I need to cancel asap', 'i need to cancel'],
    ['Please do not renew my subscription', 'do not renew my subscription'],
    ["We don't want to renew next year", "don't want to renew"],
    ['Stop charging my card', 'stop charging my card'],
    ['End my subscription today', 'end my subscription'],
    ['Please close my account', 'close my account'],
    ['Discontinue my plan from next month', 'discontinue my plan'],
    ['I hereby request cancellation of my subscription', 'cancellation of my subscription'],
    ['This is a cancellation request', 'cancellation request'],
    ['Cancellation of our subscription, please', 'cancellation of our subscription'],
    ["I can't find how to cancel my subscription on your site, please do it", 'cancel my subscription'],
    ['I do not want to cancel my plan, but please stop auto-renewal', 'stop auto-renewal'],
    ['Hi, I am the owner who wants to cancel the plan', 'cancel the plan'],
    ['CANCEL MY SUBSCRIPTION NOW', 'cancel my subscription'],
  ])('flags %j', (text, matched) => {
    expect(detectCancellationRequest(text)).toEqual({ asksToCancel: true, matched });
  });

  it.each([
    'The cancel button does not work',
    'the cancel dialog freezes the app',
    'A cancelled order in your product still shows in the totals',
    'Cancelled orders are not removed from the report',
    'I do not want to cancel',
    "I don't want to cancel my subscription, just asking about features",
    "Please don't cancel my plan",
    "I'm not asking you to cancel anything",
    'How do I cancel an order in the shop module?',
    'Please cancel the export, it is stuck',
    'I need to cancel the import job',
    'When I click Cancel my changes are lost',
    'Clicking "cancel subscription" in your widget shows an error',
    'If I cancel my subscription, will I lose my data?',
    'When users cancel the subscription in your plugin it crashes',
    'Customers cancel their plan and the webhook fires twice',
    'The cancel subscription button is broken',
    'The cancellation request endpoint returns 500',
    'Please cancel the booking from the calendar view',
    'unsubscribe me from the newsletter',
    'How do I stop the service before upgrading?',
    'My subscription was cancelled by mistake',
    'Why did you cancel my order?',
    'Our renewal went through, thanks!',
    'I want to renew my subscription',
    'The product crashes on startup',
    '',
  ])('does not flag %j', (text) => {
    expect(detectCancellationRequest(text)).toEqual({ asksToCancel: false, matched: null });
  });
});

describe('cancellationReply', () => {
  const url = 'https://vendor.example/account/purchases';

  it('points to the manage-purchases page and explains what a ticket does not do', () => {
    const reply = cancellationReply({ managePurchasesUrl: url, customerName: 'Dana' });
    expect(reply.startsWith('Hello Dana,')).toBe(true);
    expect(reply).toContain(url);
    expect(reply).toMatch(/only on the manage-purchases page/);
    expect(reply).toMatch(/ticket, email or phone call asking to cancel is not a cancellation/);
    expect(reply).toMatch(/end of your current billing cycle/);
  });

  it.each([undefined, null, '', '   '])('greets without a name for %j', (customerName) => {
    expect(cancellationReply({ managePurchasesUrl: url, customerName }).startsWith('Hello,\n')).toBe(true);
  });

  it('rejects a URL that is not http(s)', () => {
    expect(thrownField(() => cancellationReply({ managePurchasesUrl: 'javascript:alert(1)' }))).toBe('managePurchasesUrl');
    expect(thrownField(() => cancellationReply({ managePurchasesUrl: 'not a url' }))).toBe('managePurchasesUrl');
  });
});
