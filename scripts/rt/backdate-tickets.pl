# Moves filled tickets into the past. REST 2.0 stamps every ticket and transaction with the time of
# the request; a demo helpdesk needs a history over the last days. Reads on stdin a JSON list of
# { ticket, anchors: [{ from, at }] }: each transaction of the ticket (in id order) takes the instant
# of the last anchor whose `from` transaction id it has reached (0: from the start), and the
# ticket's Created, Started, Resolved and LastUpdated follow. Runs on the instance's SQLite file
# (argv[0]) while rt-server serves it: RT does not cache these records.
use strict;
use warnings;
use DBI;
use JSON::PP;

my ($database) = @ARGV;
die "usage: backdate-tickets.pl <rt.db> < plan.json\n" unless defined $database;
my $plan = decode_json(do { local $/; <STDIN> });
my $db = DBI->connect("dbi:SQLite:dbname=$database", '', '', { RaiseError => 1, AutoCommit => 0, sqlite_use_immediate_transaction => 1 });
$db->sqlite_busy_timeout(10_000);
my $sql_time = sub { my ($iso) = @_; $iso =~ s/T/ /; $iso =~ s/(\.\d+)?Z$//; $iso };

for my $ticket (@$plan) {
    my @anchors = sort { $a->{from} <=> $b->{from} } @{ $ticket->{anchors} };
    my $ids = $db->selectcol_arrayref("SELECT id FROM Transactions WHERE ObjectType = 'RT::Ticket' AND ObjectId = ? ORDER BY id", undef, $ticket->{ticket});
    my ($first, $last, $resolved);
    for my $id (@$ids) {
        my ($anchor) = grep { $_->{from} <= $id } reverse @anchors;
        my $at = $sql_time->($anchor->{at});
        $db->do('UPDATE Transactions SET Created = ? WHERE id = ?', undef, $at, $id);
        $db->do('UPDATE Attachments SET Created = ? WHERE TransactionId = ?', undef, $at, $id);
        my ($type, $field, $new) = $db->selectrow_array('SELECT Type, Field, NewValue FROM Transactions WHERE id = ?', undef, $id);
        $resolved = $at if $type eq 'Status' && ($new // '') eq 'resolved';
        $first //= $at;
        $last = $at;
    }
    next unless defined $first;
    $db->do('UPDATE Tickets SET Created = ?, LastUpdated = ? WHERE id = ?', undef, $first, $last, $ticket->{ticket});
    $db->do("UPDATE Tickets SET Started = ? WHERE id = ? AND Started > '1970-01-02'", undef, $first, $ticket->{ticket});
    $db->do('UPDATE Tickets SET Resolved = ? WHERE id = ?', undef, $resolved, $ticket->{ticket}) if defined $resolved;
}
$db->commit;
print STDERR scalar(@$plan) . " tickets moved into the past\n";
