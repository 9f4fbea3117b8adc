/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-reports.h"

/* Issue 15: how the service agenda works, over data/sql/0018-agenda.sql's tables with the
 * hub's parameters (gest-domain-module.h). A reservation belongs to the period of its day (the
 * dealer's calendar day, compared as 'yyyy-mm-dd' text with the period's bounds moved to the
 * dealer's offset); a web booking to the period it was received in; a lead to the period it
 * was made in.
 *
 * Shown (S14): the reservations whose time has come (their day before today, or today and
 * started), not refused or cancelled, of which those the customer came to (arrived, in the
 * workshop, delivered) against those missed (a no-show stored, or confirmed and not arrived
 * once the grace period passed, setting agenda.no_show_grace_minutes, default 30).
 * On time (S7): a web booking confirmed (or refused: answered) before the cutoff hour
 * (agenda.confirm_cutoff, default 17:00) of its confirm_by day. */

/* Values of LABEL columns: msgids the hub translates. */
static const char * const labels[] G_GNUC_UNUSED = {
  N_("Rescheduled"), N_("Refused"), N_("Gave up"), N_("Not called yet"), N_("Booked"), N_("Held"),
  N_("Missed"), N_("Cancelled"), N_("Open"), N_("Test-driven"), N_("Sold"), N_("Not interested"),
  N_("No answer"),
};

#define FROM_DAY "strftime ('%Y-%m-%d', :from / 1000000 + :utc_offset, 'unixepoch')"
#define TO_DAY   "strftime ('%Y-%m-%d', :to / 1000000 + :utc_offset, 'unixepoch')"
#define NOW_DAY  "strftime ('%Y-%m-%d', :now / 1000000 + :utc_offset, 'unixepoch')"
#define NOW_MIN  "CAST (strftime ('%H', :now / 1000000 + :utc_offset, 'unixepoch') AS INTEGER) * 60" \
                 " + CAST (strftime ('%M', :now / 1000000 + :utc_offset, 'unixepoch') AS INTEGER)"
#define GRACE    "coalesce ((SELECT CAST (value AS INTEGER) FROM settings WHERE key = 'agenda.no_show_grace_minutes'), 30)"
#define CUTOFF   "coalesce ((SELECT value FROM settings WHERE key = 'agenda.confirm_cutoff'), '17:00')"
/* The reservation r is missed: stored, or derived (confirmed, not arrived, past the grace). */
#define MISSED   "(r.state = 'no-show' OR (r.state = 'confirmed' AND r.arrived_at IS NULL" \
                 " AND (r.day < " NOW_DAY " OR (r.day = " NOW_DAY " AND r.starts_min + " GRACE " <= " NOW_MIN "))))"
#define CAME     "(r.state IN ('arrived', 'in-workshop', 'delivered'))"
#define DUE      "(r.day < " NOW_DAY " OR (r.day = " NOW_DAY " AND r.starts_min <= " NOW_MIN "))"

static const GestReportColumnKind per_day_kinds[] = {
  GEST_REPORT_COLUMN_DATE, GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind show_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_PERCENT, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind share_kinds[] = {
  GEST_REPORT_COLUMN_LABEL, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_PERCENT, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind web_kinds[] = {
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_PERCENT, GEST_REPORT_COLUMN_END,
};

static const GestReportInfo reports[] = {
  { GEST_AGENDA_REPORT_PER_DAY, N_("Reservations per day and advisor"),
    N_("The service reservations of each day of the period by advisor, not counting the refused and cancelled: "
       "how many came, how many did not, and how many were booked on the website."),
    "SELECT r.day AS \"Day\", coalesce (u.name, '') AS \"Advisor\", count (*) AS \"Reservations\","
    " sum (" CAME ") AS \"Came\", sum (" MISSED ") AS \"No-shows\","
    " sum (r.origin = 'web') AS \"Booked on the website\""
    " FROM reservations r INDEXED BY reservations_day LEFT JOIN users u ON u.uuid = r.advisor_uuid"
    " WHERE r.deleted = 0 AND r.day >= " FROM_DAY " AND r.day < " TO_DAY
    " AND r.state NOT IN ('refused', 'cancelled')"
    " GROUP BY r.day, r.advisor_uuid ORDER BY r.day, 2",
    per_day_kinds, 0 },
  { GEST_AGENDA_REPORT_SHOW_RATE, N_("Show rate by advisor"),
    N_("The reservations of the period whose time has come, by advisor: how many customers came and how many "
       "did not (a no-show recorded, or confirmed and not arrived after the grace period)."),
    "WITH d (advisor_uuid, came, missed) AS MATERIALIZED (SELECT r.advisor_uuid, " CAME ", " MISSED
    "   FROM reservations r INDEXED BY reservations_day"
    "   WHERE r.deleted = 0 AND r.day >= " FROM_DAY " AND r.day < " TO_DAY " AND " DUE
    "   AND r.state NOT IN ('refused', 'cancelled', 'to-confirm'))"
    " SELECT coalesce (u.name, '') AS \"Advisor\", sum (d.came) + sum (d.missed) AS \"Due\","
    " sum (d.came) AS \"Came\", sum (d.missed) AS \"No-shows\","
    " CASE WHEN sum (d.came) + sum (d.missed) > 0 THEN 100.0 * sum (d.came) / (sum (d.came) + sum (d.missed)) END"
    " AS \"Show rate\""
    " FROM d LEFT JOIN users u ON u.uuid = d.advisor_uuid GROUP BY d.advisor_uuid ORDER BY 1",
    show_kinds, 4 },
  { GEST_AGENDA_REPORT_NO_SHOWS, N_("No-shows recovered"),
    N_("The no-shows of the period by what their call ended in: rescheduled, refused, given up after the "
       "attempts, or not called yet."),
    "WITH o (position, id, label) AS (VALUES (1, 'accepted', 'Rescheduled'), (2, 'refused', 'Refused'),"
    " (3, 'gave-up', 'Gave up'), (4, '', 'Not called yet')),"
    " n (recovery, total) AS MATERIALIZED (SELECT r.recovery, count (*)"
    "   FROM reservations r INDEXED BY reservations_day"
    "   WHERE r.deleted = 0 AND r.day >= " FROM_DAY " AND r.day < " TO_DAY " AND " MISSED
    "   GROUP BY r.recovery),"
    " t (total) AS (SELECT sum (total) FROM n)"
    " SELECT o.label AS \"Outcome\", coalesce (n.total, 0) AS \"No-shows\","
    " CASE WHEN t.total > 0 THEN 100.0 * coalesce (n.total, 0) / t.total END AS \"Share\""
    " FROM o CROSS JOIN t LEFT JOIN n ON n.recovery = o.id ORDER BY o.position",
    share_kinds, 1 },
  { GEST_AGENDA_REPORT_WEB_ON_TIME, N_("Web bookings confirmed on time"),
    N_("The bookings received from the website in the period: how many were answered (confirmed or refused) "
       "before the cutoff hour of the business day they had to be answered on, how many late, and how many "
       "still wait."),
    "WITH w (answered_at, due) AS MATERIALIZED (SELECT"
    "   CASE WHEN r.confirmed_at IS NOT NULL THEN r.confirmed_at"
    "        WHEN r.state IN ('refused', 'cancelled') THEN r.updated_at END,"
    "   coalesce (r.confirm_by, strftime ('%Y-%m-%d', r.received_at / 1000000 + :utc_offset, 'unixepoch'))"
    "   || ' ' || " CUTOFF
    "   FROM reservations r WHERE r.deleted = 0 AND r.origin = 'web'"
    "   AND r.received_at >= :from AND r.received_at < :to),"
    " a (answered, due) AS (SELECT"
    "   strftime ('%Y-%m-%d %H:%M', answered_at / 1000000 + :utc_offset, 'unixepoch'), due FROM w)"
    " SELECT count (*) AS \"Received\","
    " coalesce (sum (answered IS NOT NULL AND answered < due), 0) AS \"Answered on time\","
    " coalesce (sum (answered IS NOT NULL AND answered >= due), 0) AS \"Answered late\","
    " coalesce (sum (answered IS NULL AND strftime ('%Y-%m-%d %H:%M', :now / 1000000 + :utc_offset, 'unixepoch') < due), 0)"
    " AS \"Waiting, still on time\","
    " coalesce (sum (answered IS NULL AND strftime ('%Y-%m-%d %H:%M', :now / 1000000 + :utc_offset, 'unixepoch') >= due), 0)"
    " AS \"Waiting, late\","
    " CASE WHEN count (*) > 0 THEN 100.0 * sum (answered IS NOT NULL AND answered < due) / count (*) END"
    " AS \"On time\""
    " FROM a",
    web_kinds, 0 },
  { GEST_AGENDA_REPORT_SESSIONS, N_("Technology sessions"),
    N_("The technology sessions of the period by how they went: held, missed, still booked or cancelled."),
    "WITH o (position, id, label) AS (VALUES (1, 'held', 'Held'), (2, 'missed', 'Missed'),"
    " (3, 'booked', 'Booked'), (4, 'cancelled', 'Cancelled')),"
    " s (state, total) AS MATERIALIZED (SELECT state, count (*) FROM tech_sessions INDEXED BY tech_sessions_day"
    "   WHERE deleted = 0 AND day >= " FROM_DAY " AND day < " TO_DAY " GROUP BY state),"
    " t (total) AS (SELECT sum (total) FROM s)"
    " SELECT o.label AS \"State\", coalesce (s.total, 0) AS \"Sessions\","
    " CASE WHEN t.total > 0 THEN 100.0 * coalesce (s.total, 0) / t.total END AS \"Share\""
    " FROM o CROSS JOIN t LEFT JOIN s ON s.state = o.id ORDER BY o.position",
    share_kinds, 1 },
  { GEST_AGENDA_REPORT_LEADS, N_("Test-drive leads by outcome"),
    N_("The test-drive leads made in the period (vehicles over 30,000 km whose owners accepted the offer) by "
       "what sales marked: test-driven, sold, not interested, no answer, or still open."),
    "WITH o (position, id, label) AS (VALUES (1, 'sold', 'Sold'), (2, 'test-driven', 'Test-driven'),"
    " (3, 'not-interested', 'Not interested'), (4, 'no-answer', 'No answer'), (5, 'open', 'Open')),"
    " l (outcome, total) AS MATERIALIZED (SELECT outcome, count (*) FROM test_drive_leads"
    "   WHERE deleted = 0 AND created_at >= :from AND created_at < :to GROUP BY outcome),"
    " t (total) AS (SELECT sum (total) FROM l)"
    " SELECT o.label AS \"Outcome\", coalesce (l.total, 0) AS \"Leads\","
    " CASE WHEN t.total > 0 THEN 100.0 * coalesce (l.total, 0) / t.total END AS \"Share\""
    " FROM o CROSS JOIN t LEFT JOIN l ON l.outcome = o.id ORDER BY o.position",
    share_kinds, 1 },
};

/* The column titles above are msgids too (the hub translates them). */
static const char * const column_titles[] G_GNUC_UNUSED = {
  N_("Day"), N_("Advisor"), N_("Reservations"), N_("Came"), N_("No-shows"), N_("Booked on the website"),
  N_("Due"), N_("Show rate"), N_("Outcome"), N_("Share"), N_("Received"), N_("Answered on time"),
  N_("Answered late"), N_("Waiting, still on time"), N_("Waiting, late"), N_("On time"), N_("State"),
  N_("Sessions"), N_("Leads"),
};

const GestReportInfo *
gest_agenda_reports_get (GestDomainModule *module,
                         guint            *n_reports)
{
  *n_reports = G_N_ELEMENTS (reports);
  return reports;
}
