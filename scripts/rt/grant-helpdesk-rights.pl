# Gives a throwaway RT the rights of a working helpdesk, before its server starts (rt-server caches
# rights): customers (Everyone) open tickets, set their severity and write on them, and see those
# they are requestors of; staff (Privileged) see, take, answer, comment and change every ticket.
# REST 2.0 has no endpoint for rights, so this goes through RT's own API.
use strict;
use warnings;
use RT;
RT::LoadConfig();
RT::Init();

my %rights = (
    Everyone   => [qw(CreateTicket ReplyToTicket SeeQueue SeeCustomField ModifyCustomField)],
    Requestor  => [qw(ShowTicket)],
    Privileged => [qw(SeeQueue ShowTicket CreateTicket ReplyToTicket CommentOnTicket ShowTicketComments
                      OwnTicket TakeTicket StealTicket ModifyTicket SeeCustomField ModifyCustomField)],
);

my $system = RT::Group->new(RT->SystemUser);
for my $who (sort keys %rights) {
    my $group = RT::Group->new(RT->SystemUser);
    if ($who eq 'Requestor') {
        $group->LoadRoleGroup(Object => RT->System, Name => 'Requestor');
    } else {
        $group->LoadSystemInternalGroup($who);
    }
    die "no $who group\n" unless $group->Id;
    for my $right (@{ $rights{$who} }) {
        my ($ok, $msg) = $group->PrincipalObj->GrantRight(Right => $right, Object => RT->System);
        die "could not grant $right to $who: $msg\n" unless $ok || $msg =~ /already has that right/i;
    }
}
print STDERR "granted helpdesk rights\n";
