/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-retention-reports.h"

/* Issue 14: how the proactive contact is worked. Every report is one query over
 * data/sql/0016-retention.sql's tables with the hub's parameters (gest-domain-module.h).
 *
 * Cadence compliance (S6): a contact (contact_targets) belongs to the coordinator who made its
 * first call, and to the period of that call. It complies when, within 7 days (7 × 24 h) of
 * its first call, it had its fifth counted attempt (counted attempts are in another time band
 * than the one before, by the cadence's rule), or it was finished before (the customer was
 * reached: contacted, booked or refused). A contact whose week has not ended at the end of
 * the period (or now) and does not comply yet is still within its week: counted apart, not
 * in the share. */

/* Values of LABEL columns: msgids the hub translates (the outcomes are the queue's words). */
static const char * const labels[] G_GNUC_UNUSED = {
  N_("Contacted"), N_("No answer"), N_("Wrong number"), N_("Call back"), N_("Refused"),
  N_("Appointment booked"), N_("Letter"), N_("Email"),
};

#define WEEK "604800000000"

static const GestReportColumnKind cadence_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_PERCENT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind outcome_kinds[] = {
  GEST_REPORT_COLUMN_LABEL, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_PERCENT,
  GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind letter_kinds[] = {
  GEST_REPORT_COLUMN_LABEL, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_END,
};

static const GestReportInfo reports[] = {
  { GEST_RETENTION_REPORT_CADENCE, N_("Call cadence compliance by coordinator"),
    N_("The contacts first called in the period, by the coordinator who called first: how many had five "
       "attempts at different times of day within a week, or were reached before."),
    /* One pass over each contact's calls (the target's index); the fifth counted attempt is the
     * last counted one, as the cadence counts no more than five (looked up when sync merged more). */
    "WITH a (target_uuid, first_at, finished_at, n_counted, last_counted_at) AS MATERIALIZED ("
    "   SELECT t.uuid, coalesce (min (c.at), t.opened_at),"
    "   min (CASE WHEN c.outcome IN ('contacted', 'booked', 'refused') THEN c.at END),"
    "   coalesce (sum (c.counted), 0), max (CASE WHEN c.counted = 1 THEN c.at END)"
    "   FROM contact_targets t LEFT JOIN contact_calls c ON c.target_uuid = t.uuid AND c.deleted = 0"
    "   WHERE t.deleted = 0 AND t.opened_at >= :from AND t.opened_at < :to GROUP BY t.uuid),"
    " t (user_uuid, first_at, fifth_at, finished_at) AS MATERIALIZED ("
    "   SELECT (SELECT c.user_uuid FROM contact_calls c WHERE c.target_uuid = a.target_uuid AND c.deleted = 0"
    "           ORDER BY c.at LIMIT 1), a.first_at,"
    "   CASE WHEN a.n_counted = 5 THEN a.last_counted_at WHEN a.n_counted > 5 THEN"
    "    (SELECT c.at FROM contact_calls c WHERE c.target_uuid = a.target_uuid AND c.deleted = 0 AND c.counted = 1"
    "     ORDER BY c.at LIMIT 1 OFFSET 4) END,"
    "   a.finished_at FROM a),"
    " j (user_uuid, ok) AS (SELECT user_uuid,"
    "   CASE WHEN fifth_at IS NOT NULL AND fifth_at < first_at + " WEEK " THEN 1"
    "   WHEN finished_at IS NOT NULL AND finished_at < first_at + " WEEK
    "    AND (fifth_at IS NULL OR finished_at <= fifth_at) THEN 1"
    "   WHEN first_at + " WEEK " > min (:to, :now) THEN NULL ELSE 0 END FROM t)"
    " SELECT coalesce (u.name, '') AS \"Coordinator\", count (j.ok) AS \"Contacts decided\","
    " coalesce (sum (j.ok = 1), 0) AS \"Complied\", coalesce (sum (j.ok = 0), 0) AS \"Missed\","
    " CASE WHEN count (j.ok) > 0 THEN 100.0 * sum (j.ok = 1) / count (j.ok) END AS \"Compliance\","
    " sum (j.ok IS NULL) AS \"Still within their week\""
    " FROM j LEFT JOIN users u ON u.uuid = j.user_uuid"
    " GROUP BY j.user_uuid ORDER BY 1",
    cadence_kinds, 4 },
  { GEST_RETENTION_REPORT_OUTCOMES, N_("Calls by outcome"),
    N_("The calls made in the period by how they ended, with the failed attempts that counted toward the five."),
    "WITH o (position, id, label) AS (VALUES (1, 'contacted', 'Contacted'), (2, 'booked', 'Appointment booked'),"
    " (3, 'refused', 'Refused'), (4, 'call-back', 'Call back'), (5, 'no-answer', 'No answer'),"
    " (6, 'wrong-number', 'Wrong number')),"
    " c (outcome, calls, counted) AS MATERIALIZED (SELECT outcome, count (*), sum (counted)"
    "   FROM contact_calls INDEXED BY contact_calls_at WHERE at >= :from AND at < :to AND deleted = 0"
    "   GROUP BY outcome),"
    " n (total) AS (SELECT sum (calls) FROM c)"
    " SELECT o.label AS \"Outcome\", coalesce (c.calls, 0) AS \"Calls\","
    " coalesce (c.counted, 0) AS \"Counted attempts\","
    " CASE WHEN n.total > 0 THEN 100.0 * coalesce (c.calls, 0) / n.total END AS \"Share\""
    " FROM o CROSS JOIN n LEFT JOIN c ON c.outcome = o.id ORDER BY o.position",
    outcome_kinds, 1 },
  { GEST_RETENTION_REPORT_LETTERS, N_("Letters and emails after five attempts"),
    N_("The letters and emails made in the period for the customers not reached in five attempts: how many "
       "were printed or delivered, and how many still wait."),
    "WITH k (position, id, label) AS (VALUES (1, 'letter', 'Letter'), (2, 'email', 'Email')),"
    " l (channel, made, done) AS MATERIALIZED (SELECT channel, count (*),"
    "   sum (CASE channel WHEN 'letter' THEN printed_at IS NOT NULL ELSE sent_at IS NOT NULL END)"
    "   FROM contact_letters WHERE deleted = 0 AND created_at >= :from AND created_at < :to GROUP BY channel)"
    " SELECT k.label AS \"Channel\", coalesce (l.made, 0) AS \"Made\","
    " coalesce (l.done, 0) AS \"Printed or delivered\", coalesce (l.made - l.done, 0) AS \"Waiting\""
    " FROM k LEFT JOIN l ON l.channel = k.id ORDER BY k.position",
    letter_kinds, 1 },
};

/* The column titles above are msgids too (the hub translates them). */
static const char * const column_titles[] G_GNUC_UNUSED = {
  N_("Coordinator"), N_("Contacts decided"), N_("Complied"), N_("Missed"), N_("Compliance"),
  N_("Still within their week"), N_("Outcome"), N_("Calls"), N_("Counted attempts"), N_("Share"),
  N_("Channel"), N_("Made"), N_("Printed or delivered"), N_("Waiting"),
};

const GestReportInfo *
gest_retention_reports_get (GestDomainModule *module,
                            guint            *n_reports)
{
  *n_reports = G_N_ELEMENTS (reports);
  return reports;
}
