/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaigns-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaigns-reports.h"

/* Issue 14: the completion of Ford's field actions, for the service manager. Every report is
 * one query over campaigns and campaign_vehicles (data/sql/0015-campaigns.sql) with the hub's
 * parameters (gest-domain-module.h).
 *
 * What the words mean here: "affected" every live vehicle of the campaign's VIN list;
 * "contacted" the vehicles the board shows as reached: in Contactado or Cita agendada, or
 * repaired in our workshop; "repaired" closed out as done here; the completion share counts
 * the vehicles repaired here or at another dealer over the affected ones. */

/* Values of LABEL columns: msgids the hub translates. */
static const char * const labels[] G_GNUC_UNUSED = {
  N_("Safety recall"), N_("Customer satisfaction program"), N_("Emissions"),
  N_("Repaired here"), N_("Repaired at another dealer"), N_("Not applicable"), N_("Vehicle unlocatable"),
};

#define DEALER_DAY(at) "date ((" at ") / 1000000 + :utc_offset, 'unixepoch')"
/* The closed vehicles of campaign c with @closeout, through the board's index. */
#define CLOSED_AS(closeout) \
  "(SELECT count (*) FROM campaign_vehicles v INDEXED BY campaign_vehicles_board" \
  " WHERE v.campaign_uuid = c.uuid AND v.deleted = 0 AND v.stage = 4 AND v.closeout = '" closeout "')"
/* The vehicles closed in the period, through the board's index campaign by campaign. */
#define CLOSED_IN_PERIOD \
  " FROM campaigns c JOIN campaign_vehicles v INDEXED BY campaign_vehicles_board" \
  " ON v.campaign_uuid = c.uuid AND v.deleted = 0 AND v.stage = 4" \
  " WHERE v.closed_at >= :from AND v.closed_at < :to"
/* The Monday of the week of a day. */
#define MONDAY(day) "date (" day ", '-6 days', 'weekday 1')"

static const GestReportColumnKind completion_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_LABEL, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_PERCENT, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind closeout_kinds[] = {
  GEST_REPORT_COLUMN_LABEL, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_PERCENT, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind by_week_kinds[] = {
  GEST_REPORT_COLUMN_DATE, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_END,
};
static const GestReportColumnKind review_kinds[] = {
  GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_TEXT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_COUNT,
  GEST_REPORT_COLUMN_COUNT, GEST_REPORT_COLUMN_END,
};

static const GestReportInfo reports[] = {
  { GEST_CAMPAIGNS_REPORT_COMPLETION, N_("Campaign completion"),
    N_("Every live campaign now: its affected vehicles, where they are on the board, how many were "
       "contacted and repaired, and the share repaired here or at another dealer."),
    /* The counts by stage from the board's index alone; the close-out reasons only for the
     * closed vehicles, found through the same index. */
    "WITH s (campaign_uuid, affected, p0, p1, p2, p3, p4) AS MATERIALIZED ("
    "   SELECT campaign_uuid, count (*), sum (stage = 0), sum (stage = 1), sum (stage = 2), sum (stage = 3),"
    "   sum (stage = 4) FROM campaign_vehicles INDEXED BY campaign_vehicles_board"
    "   WHERE deleted = 0 GROUP BY campaign_uuid),"
    " k (campaign_uuid, here, elsewhere) AS MATERIALIZED ("
    "   SELECT c.uuid, " CLOSED_AS ("done-here") ", " CLOSED_AS ("done-elsewhere")
    "   FROM campaigns c WHERE c.deleted = 0)"
    " SELECT c.code AS \"Campaign\","
    " CASE c.kind WHEN 'safety-recall' THEN 'Safety recall' WHEN 'satisfaction' THEN 'Customer satisfaction program'"
    " ELSE 'Emissions' END AS \"Type\","
    " coalesce (s.affected, 0) AS \"Affected\", coalesce (s.p0, 0) AS \"Parts pending\","
    " coalesce (s.p1, 0) AS \"To contact\", coalesce (s.p2 + s.p3, 0) + k.here AS \"Contacted\","
    " coalesce (s.p3, 0) AS \"Booked\", k.here AS \"Repaired\","
    " coalesce (s.p4, 0) - k.here AS \"Closed out otherwise\","
    " CASE WHEN s.affected > 0 THEN 100.0 * (k.here + k.elsewhere) / s.affected END AS \"Completion\""
    " FROM campaigns c JOIN k ON k.campaign_uuid = c.uuid LEFT JOIN s ON s.campaign_uuid = c.uuid"
    " WHERE c.deleted = 0 ORDER BY c.closed_at IS NOT NULL, c.code",
    completion_kinds, 3 },
  { GEST_CAMPAIGNS_REPORT_CLOSEOUTS, N_("Vehicles closed out by reason"),
    N_("The affected vehicles closed out in the period, by the reason given."),
    "WITH r (position, id, label) AS (VALUES (1, 'done-here', 'Repaired here'),"
    " (2, 'done-elsewhere', 'Repaired at another dealer'), (3, 'not-applicable', 'Not applicable'),"
    " (4, 'unlocatable', 'Vehicle unlocatable')),"
    " v (closeout, n) AS MATERIALIZED (SELECT v.closeout, count (*)" CLOSED_IN_PERIOD " GROUP BY v.closeout),"
    " t (total) AS (SELECT sum (n) FROM v)"
    " SELECT r.label AS \"Reason\", coalesce (v.n, 0) AS \"Vehicles\","
    " CASE WHEN t.total > 0 THEN 100.0 * coalesce (v.n, 0) / t.total END AS \"Share\""
    " FROM r CROSS JOIN t LEFT JOIN v ON v.closeout = r.id ORDER BY r.position",
    closeout_kinds, 1 },
  { GEST_CAMPAIGNS_REPORT_BY_WEEK, N_("Campaign progress by week"),
    N_("Week by week in the period: the vehicles added to campaigns from Ford’s VIN lists, repaired here, "
       "repaired at another dealer and closed out for another reason."),
    "WITH e (week, added, here, elsewhere, other) AS ("
    "   SELECT " MONDAY (DEALER_DAY ("imported_at")) ", 1, 0, 0, 0 FROM campaign_vehicles"
    "   WHERE deleted = 0 AND imported_at >= :from AND imported_at < :to"
    "   UNION ALL"
    "   SELECT " MONDAY (DEALER_DAY ("v.closed_at")) ", 0, v.closeout = 'done-here', v.closeout = 'done-elsewhere',"
    "   v.closeout IN ('not-applicable', 'unlocatable')" CLOSED_IN_PERIOD ")"
    " SELECT week AS \"Week of\", sum (added) AS \"Added\", sum (here) AS \"Repaired here\","
    " sum (elsewhere) AS \"Repaired at another dealer\", sum (other) AS \"Closed out otherwise\""
    " FROM e GROUP BY week ORDER BY week",
    by_week_kinds, 2 },
  { GEST_CAMPAIGNS_REPORT_REVIEWS, N_("Weekly reviews"),
    N_("The weekly review stamps of the period, with each campaign’s counts at the moment it was reviewed."),
    "SELECT r.week AS \"Week\", c.code AS \"Campaign\", coalesce (u.name, r.reviewed_by) AS \"Reviewed by\","
    " r.n_affected AS \"Affected\", r.n_parts_pending AS \"Parts pending\", r.n_to_contact AS \"To contact\","
    " r.n_contacted AS \"Contacted\", r.n_booked AS \"Booked\", r.n_closed AS \"Closed\""
    " FROM campaign_reviews r JOIN campaigns c ON c.uuid = r.campaign_uuid"
    " LEFT JOIN users u ON u.uuid = r.reviewed_by"
    " WHERE r.deleted = 0 AND r.reviewed_at >= :from AND r.reviewed_at < :to"
    " ORDER BY r.week, c.code",
    review_kinds, 0 },
};

/* The column titles above are msgids too (the hub translates them). */
static const char * const column_titles[] G_GNUC_UNUSED = {
  N_("Campaign"), N_("Type"), N_("Affected"), N_("Parts pending"), N_("To contact"), N_("Contacted"),
  N_("Booked"), N_("Repaired"), N_("Closed out otherwise"), N_("Completion"), N_("Reason"), N_("Vehicles"),
  N_("Share"), N_("Week of"), N_("Added"), N_("Repaired here"), N_("Repaired at another dealer"), N_("Week"),
  N_("Reviewed by"), N_("Closed"),
};

const GestReportInfo *
gest_campaigns_reports_get (GestDomainModule *module,
                            guint            *n_reports)
{
  *n_reports = G_N_ELEMENTS (reports);
  return reports;
}
