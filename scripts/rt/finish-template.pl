# Finishes the template database after rt-setup-database: an auth token for root (printed on
# stdout, for the caller to store), a Severity select field on General, and every notification
# scrip disabled, so that tests create
# tickets at full speed and no mail is composed unless a test turns them back on.
use strict;
use warnings;
use RT;
RT::LoadConfig();
RT::Init();

my $root = RT::CurrentUser->new(RT->SystemUser);
$root->Load('root') or die "no root user\n";

my $token = RT::AuthToken->new($root);
my ($id, $msg, $secret) = $token->Create(Owner => $root->Id, Description => 'support-agent tests');
die "could not create an auth token: $msg\n" unless $id;

my $scrips = RT::Scrips->new(RT->SystemUser);
$scrips->UnLimit;
my $disabled = 0;
while (my $scrip = $scrips->Next) {
    next unless $scrip->ActionObj->ExecModule =~ /^(?:Notify|NotifyAsComment|Autoreply|NotifyGroup|NotifyGroupAsComment|SendForward)$/;
    my ($ok, $why) = $scrip->SetDisabled(1);
    die "could not disable scrip " . $scrip->Id . ": $why\n" unless $ok;
    $disabled++;
}
# A select field on the General queue, for tests of custom field updates.
my $cf = RT::CustomField->new(RT->SystemUser);
my ($cf_id, $cf_msg) = $cf->Create(Name => 'Severity', Type => 'Select', MaxValues => 1, LookupType => RT::Ticket->CustomFieldLookupType);
die "could not create the Severity field: $cf_msg\n" unless $cf_id;
$cf->AddValue(Name => $_, SortOrder => 0) for qw(low normal high);
my $general = RT::Queue->new(RT->SystemUser);
$general->Load('General') or die "no General queue\n";
my ($applied, $apply_msg) = $cf->AddToObject($general);
die "could not apply Severity to General: $apply_msg\n" unless $applied;

print STDERR "disabled $disabled notification scrips\n";
print "$secret\n";
