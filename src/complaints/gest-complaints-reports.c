/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaints-reports.h"

/* Q11. Every report is one query over the complaints table, with the hub's parameters
 * (gest-domain-module.h): :from and :to the period, :now the moment of the run, :utc_offset
 * the dealer's offset. Days are calendar days (closed_at − created_at), with decimals.
 *
 * The queries name the covering indexes of data/sql/0013-complaints.sql (INDEXED BY): SQLite's
 * planner prefers the narrow indexes, whose lookup of every row in the table is eight times
 * slower over a year of cases.
 *
 * Which cases a report counts: the cause, area and time-to-close reports those CLOSED in
 * the period (cause and area are set at closure, Q10); the type, responsible and SLA reports
 * those RECEIVED in the period; the open-age report those open at the end of the period (or
 * now, if the period has not ended), by whole days since they were received. */

/* Values of LABEL columns: msgids the hub translates. */
static const char * const labels[] G_GNUC_UNUSED = {
  N_("Complaint"), N_("Claim"), N_("First response"), N_("Resolution"),
};

#define DAYS_TO_CLOSE "((c.closed_at - c.created_at) / 86400000000.0)"
#define CLOSED_IN_PERIOD \
  " c.deleted = 0 AND c.stage = 6 AND c.closed_at >= :from AND c.closed_at < :to"
#define RECEIVED_IN_PERIOD \
  " c.deleted = 0 AND c.created_at >= :from AND c.created_at < :to"

static const GestReportColumnKind by_catalog_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_DAYS,
  GEST_REPORT_COLUMN_DAYS, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind by_type_kinds[] = {
  GEST_REPORT_COLUMN_LABEL, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_DAYS, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind by_responsible_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_DAYS,
  GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind time_to_close_kinds[] = {
  GEST_REPORT_COLUMN_DATE, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_DAYS,
  GEST_REPORT_COLUMN_DAYS, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind open_age_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_PERCENT,
  GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind sla_kinds[] = {
  GEST_REPORT_COLUMN_LABEL, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_PERCENT, GEST_REPORT_COLUMN_END,
};

/* By one of the closure's catalogs (Q10): @column is cause_uuid or area_uuid. */
#define BY_CATALOG(column, title) \
  "SELECT coalesce (k.label, '') AS \"" title "\", count (*) AS \"Closed cases\"," \
  " avg (" DAYS_TO_CLOSE ") AS \"Average days to close\"," \
  " max (" DAYS_TO_CLOSE ") AS \"Longest (days)\"" \
  " FROM complaints c INDEXED BY complaints_report_closed" \
  " LEFT JOIN complaint_catalog k ON k.uuid = c." column \
  " WHERE" CLOSED_IN_PERIOD \
  " GROUP BY c." column " ORDER BY 2 DESC, 1"

static const GestReportInfo reports[] = {
  { GEST_COMPLAINTS_REPORT_BY_CAUSE, N_("Closed cases by cause"),
    N_("The cases closed in the period, by the cause recorded at closure, with how many days they took."),
    BY_CATALOG ("cause_uuid", "Cause"),
    by_catalog_kinds, 1 },
  { GEST_COMPLAINTS_REPORT_BY_AREA, N_("Closed cases by responsible area"),
    N_("The cases closed in the period, by the area found responsible at closure, with how many days they took."),
    BY_CATALOG ("area_uuid", "Responsible area"),
    by_catalog_kinds, 1 },
  { GEST_COMPLAINTS_REPORT_BY_TYPE, N_("Cases by type"),
    N_("The complaints and claims received in the period: how many are closed or still open, and the days to close."),
    "SELECT CASE c.kind WHEN 'claim' THEN 'Claim' ELSE 'Complaint' END AS \"Type\","
    " count (*) AS \"Received\", sum (c.stage = 6) AS \"Closed\", sum (c.stage <> 6) AS \"Open\","
    " avg (CASE WHEN c.stage = 6 THEN " DAYS_TO_CLOSE " END) AS \"Average days to close\""
    " FROM complaints c INDEXED BY complaints_report_received WHERE" RECEIVED_IN_PERIOD
    " GROUP BY c.kind ORDER BY c.kind DESC",
    by_type_kinds, 1 },
  { GEST_COMPLAINTS_REPORT_BY_RESPONSIBLE, N_("Cases by responsible"),
    N_("The cases received in the period by their primary responsible: closed, open, SLA missed and days to close."),
    "SELECT coalesce (u.name, '') AS \"Responsible\","
    " count (*) AS \"Received\", sum (c.stage = 6) AS \"Closed\", sum (c.stage <> 6) AS \"Open\","
    " sum (c.sla_state = 2) AS \"SLA missed\","
    " avg (CASE WHEN c.stage = 6 THEN " DAYS_TO_CLOSE " END) AS \"Average days to close\""
    " FROM complaints c INDEXED BY complaints_report_received"
    " LEFT JOIN users u ON u.uuid = c.responsible_uuid"
    " WHERE" RECEIVED_IN_PERIOD
    " GROUP BY c.responsible_uuid ORDER BY 2 DESC, 1",
    by_responsible_kinds, 1 },
  { GEST_COMPLAINTS_REPORT_TIME_TO_CLOSE, N_("Time to close by month"),
    N_("The cases closed in the period, month by month: how many, and the average and longest days they took."),
    "SELECT strftime ('%Y-%m-01', c.closed_at / 1000000 + :utc_offset, 'unixepoch') AS \"Month\","
    " count (*) AS \"Closed cases\", avg (" DAYS_TO_CLOSE ") AS \"Average days to close\","
    " max (" DAYS_TO_CLOSE ") AS \"Longest (days)\""
    " FROM complaints c INDEXED BY complaints_report_closed WHERE" CLOSED_IN_PERIOD
    " GROUP BY 1 ORDER BY 1",
    time_to_close_kinds, 2 },
  /* Buckets by whole days: 0-2 means less than 3 days since the case was received. */
  { GEST_COMPLAINTS_REPORT_OPEN_AGE, N_("Open cases by age"),
    N_("The cases still open at the end of the period (or now), by the days since they were received."),
    "WITH b (position, label, low, high) AS (VALUES (1, '0–2', 0, 3), (2, '3–7', 3, 8),"
    " (3, '8–15', 8, 16), (4, '16–30', 16, 31), (5, '31+', 31, 9223372036854775807)),"
    " at (t) AS (SELECT min (:to, :now)),"
    " o (age) AS MATERIALIZED (SELECT (at.t - c.created_at) / 86400000000"
    "   FROM complaints c INDEXED BY complaints_report_received, at"
    "   WHERE c.deleted = 0 AND c.created_at < at.t"
    "   AND NOT (c.stage = 6 AND c.closed_at IS NOT NULL AND c.closed_at < at.t)),"
    " n (total) AS (SELECT count (*) FROM o)"
    " SELECT b.label AS \"Age (days)\", count (o.age) AS \"Open cases\","
    " CASE WHEN n.total > 0 THEN 100.0 * count (o.age) / n.total END AS \"Share\""
    " FROM b CROSS JOIN n LEFT JOIN o ON o.age >= b.low AND o.age < b.high"
    " GROUP BY b.position ORDER BY b.position",
    open_age_kinds, 1 },
  /* A target counts once it is decided: met (responded, or closed, without its breach) or
   * missed (the SLA clock recorded its breach event, once). The misses come from the events
   * (a few cases), the rest from one pass over the covering index: decided = done + missed −
   * both, met = done − both. */
  { GEST_COMPLAINTS_REPORT_SLA, N_("SLA compliance"),
    N_("Of the cases received in the period, how many met the first-response and resolution times."),
    "WITH a (responded, closed) AS MATERIALIZED ("
    "   SELECT coalesce (sum (c.first_response_at IS NOT NULL), 0), coalesce (sum (c.stage = 6), 0)"
    "   FROM complaints c INDEXED BY complaints_report_received WHERE" RECEIVED_IN_PERIOD "),"
    " e (rmiss, smiss, rmiss_responded, smiss_closed) AS MATERIALIZED ("
    "   SELECT coalesce (sum (m.r), 0), coalesce (sum (m.s), 0),"
    "   coalesce (sum (m.r AND c.first_response_at IS NOT NULL), 0), coalesce (sum (m.s AND c.stage = 6), 0)"
    "   FROM (SELECT complaint_uuid, max (kind = 'response-missed') AS r, max (kind = 'resolution-missed') AS s"
    "         FROM complaint_sla_events WHERE deleted = 0 AND kind IN ('response-missed', 'resolution-missed')"
    "         GROUP BY complaint_uuid) m"
    "   JOIN complaints c ON c.uuid = m.complaint_uuid WHERE" RECEIVED_IN_PERIOD "),"
    " t (position, target, decided, met, missed) AS ("
    "   SELECT 1, 'First response', a.responded + e.rmiss - e.rmiss_responded, a.responded - e.rmiss_responded,"
    "   e.rmiss FROM a, e"
    "   UNION ALL"
    "   SELECT 2, 'Resolution', a.closed + e.smiss - e.smiss_closed, a.closed - e.smiss_closed, e.smiss FROM a, e)"
    " SELECT target AS \"Target\", decided AS \"Cases decided\", met AS \"Met\", missed AS \"Missed\","
    " CASE WHEN decided > 0 THEN 100.0 * met / decided END AS \"Compliance\""
    " FROM t ORDER BY position",
    sla_kinds, 4 },
};

/* The column titles above are msgids too (the hub translates them). */
static const char * const column_titles[] G_GNUC_UNUSED = {
  N_("Cause"), N_("Responsible area"), N_("Closed cases"), N_("Average days to close"),
  N_("Longest (days)"), N_("Type"), N_("Received"), N_("Closed"), N_("Open"),
  N_("Responsible"), N_("SLA missed"), N_("Month"), N_("Age (days)"), N_("Open cases"),
  N_("Share"), N_("Target"), N_("Cases decided"), N_("Met"), N_("Missed"), N_("Compliance"),
};

const GestReportInfo *
gest_complaints_reports_get (GestDomainModule *module,
                             guint            *n_reports)
{
  *n_reports = G_N_ELEMENTS (reports);
  return reports;
}
