#!/usr/bin/env python3
"""Independent reference for first-response due instants (docs/policy.md, Preset A).

Written from the policy text alone, with Python's zoneinfo and plain day-by-day walking, so that
the TypeScript engine's table-driven implementation is checked against a second reading.
Prints a JSON fixture of random tickets and their due instants:

    python3 scripts/oracle/due_oracle.py > test/fixtures/due-oracle.json
"""
import json
import random
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

UTC = timezone.utc


def last_weekday(y, m, wd):
    d = (date(y, m + 1, 1) if m < 12 else date(y + 1, 1, 1)) - timedelta(days=1)
    while d.isoweekday() != wd:
        d -= timedelta(days=1)
    return d


def nth_weekday(y, m, wd, n):
    d = date(y, m, 1)
    while d.isoweekday() != wd:
        d += timedelta(days=1)
    return d + timedelta(days=7 * (n - 1))


def holidays(y, observed):
    thanksgiving = nth_weekday(y, 11, 4, 4)
    days = [date(y, 1, 1), last_weekday(y, 5, 1), date(y, 7, 4), nth_weekday(y, 9, 1, 1),
            thanksgiving, thanksgiving + timedelta(days=1), date(y, 12, 24), date(y, 12, 25), date(y, 12, 31)]
    out = set(days)
    if observed:
        for d in days:
            if d.isoweekday() == 6:
                out.add(d - timedelta(days=1))
            elif d.isoweekday() == 7:
                out.add(d + timedelta(days=1))
    return out


def is_holiday(d, observed):
    return any(d in holidays(y, observed) for y in (d.year - 1, d.year, d.year + 1))


def local_instant(d, minutes, zone):
    if minutes == 1440:
        d, minutes = d + timedelta(days=1), 0
    naive = datetime.combine(d, time(minutes // 60, minutes % 60))
    return naive.replace(tzinfo=zone).astimezone(UTC)


def intervals(d, week, zone, observed):
    if is_holiday(d, observed):
        return []
    result = []
    for start, end in week.get(d.isoweekday(), []):
        s, e = local_instant(d, start, zone), local_instant(d, end, zone)
        if e > s:
            result.append((s, e))
    return result


def due_business_hours(created, hours_ms, week, zone, observed):
    remaining = timedelta(milliseconds=hours_ms)
    d = created.astimezone(zone).date() - timedelta(days=1)
    while True:
        for s, e in intervals(d, week, zone, observed):
            start = max(s, created)
            if e <= start:
                continue
            if remaining <= e - start:
                return start + remaining
            remaining -= e - start
        d += timedelta(days=1)


def due_next_business_day(created, week, zone, observed, midnight):
    d = created.astimezone(zone).date() + timedelta(days=1)
    while True:
        iv = intervals(d, week, zone, observed)
        if iv:
            return local_instant(d, 1440, zone) if midnight else iv[-1][1]
        d += timedelta(days=1)


def iso(dt):
    return dt.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%S.') + f'{dt.microsecond // 1000:03d}Z'


CALENDARS = [
    {'timeZone': 'America/New_York', 'hours': [('09:00', '17:00')]},
    {'timeZone': 'America/Chicago', 'hours': [('08:00', '12:00'), ('13:00', '18:30')]},
    {'timeZone': 'America/Los_Angeles', 'hours': [('00:00', '24:00')]},
    {'timeZone': 'America/Denver', 'hours': [('06:15', '14:45')]},
    {'timeZone': 'America/Phoenix', 'hours': [('09:00', '17:00')]},
    {'timeZone': 'Europe/London', 'hours': [('00:30', '03:30'), ('09:00', '17:00')]},
    {'timeZone': 'Australia/Sydney', 'hours': [('01:00', '04:00'), ('08:00', '16:00')]},
    {'timeZone': 'Asia/Kolkata', 'hours': [('10:00', '18:00')]},
]

TARGETS = [
    {'kind': 'business-hours', 'hours': 1}, {'kind': 'business-hours', 'hours': 2},
    {'kind': 'business-hours', 'hours': 4}, {'kind': 'business-hours', 'hours': 0.5},
    {'kind': 'business-hours', 'hours': 37}, {'kind': 'business-hours', 'hours': 250},
    {'kind': 'next-business-day', 'endOfDay': 'close'}, {'kind': 'next-business-day', 'endOfDay': 'midnight'},
]


def minutes(hhmm):
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def main():
    rng = random.Random(20261121)
    start = datetime(2025, 12, 1, tzinfo=UTC).timestamp()
    end = datetime(2029, 1, 15, tzinfo=UTC).timestamp()
    cases = []
    for i in range(3000):
        cal = CALENDARS[i % len(CALENDARS)]
        zone = ZoneInfo(cal['timeZone'])
        week = {wd: [(minutes(s), minutes(e)) for s, e in cal['hours']] for wd in range(1, 6)}
        observed = rng.random() < 0.3
        target = rng.choice(TARGETS)
        ms = int(rng.uniform(start, end) * 1000)
        if rng.random() < 0.25:  # land exactly on an opening or closing time
            ms = int(local_instant(datetime.fromtimestamp(ms / 1000, UTC).astimezone(zone).date(),
                                   rng.choice(week[1])[rng.randrange(2)], zone).timestamp() * 1000)
        created = datetime.fromtimestamp(ms / 1000, UTC)
        offset_minutes = rng.choice([0, -300, -240, 330, 540, 60])
        written = created.astimezone(timezone(timedelta(minutes=offset_minutes)))
        if target['kind'] == 'business-hours':
            due = due_business_hours(created, round(target['hours'] * 3_600_000), week, zone, observed)
        else:
            due = due_next_business_day(created, week, zone, observed, target['endOfDay'] == 'midnight')
        cases.append({
            'timeZone': cal['timeZone'], 'hours': cal['hours'], 'observedShift': observed, 'target': target,
            'createdAt': written.isoformat(timespec='milliseconds'), 'dueAt': iso(due),
        })
    print('{"generatedBy": "scripts/oracle/due_oracle.py", "cases": [')
    print(',\n'.join(json.dumps(case, separators=(',', ':')) for case in cases))
    print(']}')


if __name__ == '__main__':
    main()
