/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S1-S3, S8 and the data-use rule on a real store (#14): the campaign's code, type and
 * dates; the weekly review once per ISO week; the parts gating (no vehicle to contact before
 * its parts are in, a partial receipt covering some vehicles in import order, the minimum
 * over parts, a close-out giving its parts to the next); the open field actions other modules
 * tell the customer; the recall-list mark and its removal. Messages checked in full. */
#include "config.h"

#include <locale.h>

#include "gest-campaign-board-source.h"
#include "gest-domain-module.h"
#include "campaign-test-util.h"

#define DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)

static void
assert_error (gboolean     ok,
              GError     **error,
              int          code,
              const char  *message)
{
  g_assert_false (ok);
  g_assert_error (*error, GEST_ERROR, code);
  g_assert_cmpstr ((*error)->message, ==, message);
  g_clear_error (error);
}

/* --- S1: the campaign ------------------------------------------------------------------- */

static void
test_s1_code (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestCampaign) campaign = NULL;
  g_autofree char *uuid = NULL;
  GestCampaignFields fields = { "24S1", GEST_CAMPAIGN_KIND_SAFETY_RECALL, "Bolsa de aire", NULL, NULL, NULL, NULL, TRUE };

  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_INVALID,
                "“24S1” is not a Ford campaign code: two digits of the year, a letter and two digits, such as 24S12.");
  fields.code = "S2412";
  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_INVALID,
                "“S2412” is not a Ford campaign code: two digits of the year, a letter and two digits, such as 24S12.");
  fields.code = "  ";
  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_INVALID,
                "Write the campaign’s code as Ford gives it: two digits of the year, a letter and two digits, such as 24S12.");
  fields.code = " 24s12 ";
  fields.description = " ";
  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_INVALID,
                "Describe the campaign: what Ford asks to check or replace.");
  fields.description = "Bolsa de aire";
  g_assert_true (gest_campaign_create (f->store, &fields, &uuid, &error));
  g_assert_no_error (error);
  campaign = gest_campaign_find_by_code (f->store, "24S12", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (campaign->uuid, ==, uuid);
  g_assert_cmpstr (campaign->code, ==, "24S12");
  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_REFUSED,
                "Campaign 24S12 exists already: open it from the campaigns list instead of creating it again.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM search_index WHERE kind = 'campaign'"
                                                  " AND title = '24S12'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_outbox WHERE entity = 'campaign'"), ==, 1);
}

static void
test_s1_dates (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestCampaign) campaign = NULL;
  g_autofree char *uuid = NULL;
  GestCampaignFields fields = { "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, "Bolsa de aire", NULL, NULL,
                                "2026-01-01", NULL, TRUE };

  g_assert_false (gest_campaign_kind_has_dates (GEST_CAMPAIGN_KIND_SAFETY_RECALL));
  g_assert_true (gest_campaign_kind_has_dates (GEST_CAMPAIGN_KIND_SATISFACTION));
  g_assert_true (gest_campaign_kind_has_dates (GEST_CAMPAIGN_KIND_EMISSIONS));
  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_INVALID,
                "A safety recall has no start or end date: it lasts until every vehicle is repaired. Leave the dates empty.");
  fields.kind = GEST_CAMPAIGN_KIND_SATISFACTION;
  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_INVALID,
                "A campaign of type “Customer satisfaction program” has a start and an end date: write both, as Ford’s bulletin gives them.");
  fields.ends_on = "2025-12-31";
  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_INVALID,
                "The campaign ends before it starts: check the end date.");
  fields.ends_on = "2026-02-30";
  assert_error (gest_campaign_create (f->store, &fields, NULL, &error), &error, GEST_ERROR_INVALID,
                "The end date “2026-02-30” is not a date: write it as dd/mm/yyyy.");
  fields.ends_on = "2026-01-01";   /* one day is enough */
  g_assert_true (gest_campaign_create (f->store, &fields, &uuid, &error));
  g_assert_no_error (error);
  fields.kind = GEST_CAMPAIGN_KIND_EMISSIONS;
  fields.starts_on = fields.ends_on = NULL;
  assert_error (gest_campaign_update (f->store, uuid, &fields, &error), &error, GEST_ERROR_INVALID,
                "A campaign of type “Emissions” has a start and an end date: write both, as Ford’s bulletin gives them.");
  fields.kind = GEST_CAMPAIGN_KIND_SAFETY_RECALL;
  g_assert_true (gest_campaign_update (f->store, uuid, &fields, &error));
  g_assert_no_error (error);
  campaign = gest_campaign_load (f->store, uuid, &error);
  g_assert_cmpint (campaign->kind, ==, GEST_CAMPAIGN_KIND_SAFETY_RECALL);
  g_assert_null (campaign->starts_on);
}

static void
test_s1_permission (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  GestCampaignFields fields = { "23B05", GEST_CAMPAIGN_KIND_SAFETY_RECALL, "Transmisión", NULL, NULL, NULL, NULL, TRUE };

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  g_assert_false (gest_campaign_create (f->store, &fields, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (gest_campaign_review (f->store, uuid, g_get_real_time (), NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaigns"), ==, 1);
}

static void
test_s1_weekly_review (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, FALSE);
  g_autofree char *other = create_campaign (f, "23B05", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GestVinListReport) report = import_vins (f, uuid, 1, 3);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) monday_dt = g_date_time_new (gest_dealer_timezone (), 2026, 12, 7, 8, 0, 0);
  gint64 monday = g_date_time_to_unix (monday_dt) * G_USEC_PER_SEC;
  gint64 sunday = monday + 6 * DAY_USEC + (gint64) 15 * 3600 * G_USEC_PER_SEC;   /* Sunday 23:00 */

  due = gest_campaign_reviews_due (f->store, monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_clear_pointer (&due, g_ptr_array_unref);

  g_assert_true (gest_campaign_review (f->store, uuid, monday, "Todo en orden", &error));
  g_assert_no_error (error);
  assert_error (gest_campaign_review (f->store, uuid, sunday, NULL, &error), &error, GEST_ERROR_REFUSED,
                "Campaign 24S12 was already reviewed this week (2026-W50) by Test service-manager: the next review is due next Monday.");
  due = gest_campaign_reviews_due (f->store, sunday, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (((GestCampaign *) g_ptr_array_index (due, 0))->code, ==, "23B05");
  g_clear_pointer (&due, g_ptr_array_unref);
  /* The counts of that moment: 3 vehicles, all to contact (no parts needed). */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_reviews WHERE week = '2026-W50'"
                                                  " AND n_affected = 3 AND n_to_contact = 3 AND n_parts_pending = 0"
                                                  " AND note = 'Todo en orden'"), ==, 1);
  /* The next Monday is another week. */
  g_assert_true (gest_campaign_review (f->store, uuid, sunday + (gint64) 2 * 3600 * G_USEC_PER_SEC, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_reviews WHERE week = '2026-W51'"), ==, 1);
}

/* --- S2, S3: parts gating ----------------------------------------------------------------- */

static void
test_s3_no_call_before_parts (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GestVinListReport) report = import_vins (f, uuid, 1, 2);
  g_autofree char *first = affected_uuid (f, uuid, 1);
  g_autofree char *part = NULL;
  char vin[18];
  g_autofree char *message = NULL;

  make_vin (1, vin);
  g_assert_cmpint (stage_of (f, uuid, 1), ==, GEST_CAMPAIGN_PARTS_PENDING);
  g_assert_cmpuint (gest_campaign_vehicles_covered (f->store, uuid, &error), ==, 0);
  message = g_strdup_printf ("Vehicle %s cannot go to “To contact”: campaign 24S12 needs parts and none is recorded yet. Add the campaign’s parts and record them received first.", vin);
  assert_error (gest_campaign_vehicle_move (f->store, first, GEST_CAMPAIGN_TO_CONTACT, NULL, &error), &error,
                GEST_ERROR_REFUSED, message);

  g_assert_true (gest_campaign_part_add (f->store, uuid, "jl3z-78043b13-a", "Inflador", 1, 2, &part, &error));
  g_assert_no_error (error);
  g_assert_true (gest_campaign_part_set_status (f->store, part, GEST_CAMPAIGN_PART_BACK_ORDERED, 0, "2027-01-20", &error));
  g_assert_no_error (error);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("Vehicle %s cannot go to “Appointment booked”: part JL3Z-78043B13-A of campaign 24S12 is missing. 0 received at 1 per vehicle cover 0 vehicles, and 0 are already past “Parts pending”. Record more parts received first.", vin);
  assert_error (gest_campaign_vehicle_move (f->store, first, GEST_CAMPAIGN_BOOKED, NULL, &error), &error,
                GEST_ERROR_REFUSED, message);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("Vehicle %s cannot go to “Repaired”: part JL3Z-78043B13-A of campaign 24S12 is missing. 0 received at 1 per vehicle cover 0 vehicles, and 0 are already past “Parts pending”. Record more parts received first.", vin);
  assert_error (gest_campaign_vehicle_close (f->store, first, GEST_CAMPAIGN_CLOSEOUT_DONE_HERE, NULL, &error),
                &error, GEST_ERROR_REFUSED, message);
  /* Closing out for a reason that needs no parts is allowed. */
  gest_campaign_vehicle_close (f->store, first, GEST_CAMPAIGN_CLOSEOUT_UNLOCATABLE, "Sin domicilio", &error);
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (f, uuid, 1), ==, GEST_CAMPAIGN_CLOSED);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_vehicles WHERE stage BETWEEN 1 AND 3"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_parts WHERE status = 'back-ordered'"
                                                  " AND expected_on = '2027-01-20'"), ==, 1);
}

/* The queue's source lists the vehicles to contact, never one waiting for parts. */
static guint
count_to_contact (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  const GestContactSource *source = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  g_assert_nonnull (gest_domain_modules_find_contact_source (GEST_CAMPAIGN_CONTACT_SOURCE, &source));
  stmt = gest_store_prepare (f->store, source->sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), "2099-01-01", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), G_MAXINT64);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_nonnull (sqlite3_column_text (stmt, 1));   /* a customer to call */
      n++;
    }
  return n;
}

static void
test_s3_partial_receipt (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GestVinListReport) report = import_vins (f, uuid, 1, 5);
  g_autofree char *inflator = NULL;
  g_autofree char *screw = NULL;
  g_autofree char *third = affected_uuid (f, uuid, 3);
  g_autofree char *second = affected_uuid (f, uuid, 2);
  g_autofree char *message = NULL;
  char vin[18];

  g_assert_cmpuint (count_to_contact (f), ==, 0);
  g_assert_true (gest_campaign_part_add (f->store, uuid, "A-1", "Inflador", 1, 5, &inflator, &error));
  g_assert_true (gest_campaign_part_add (f->store, uuid, "B-2", "Tornillo", 2, 10, &screw, &error));
  g_assert_no_error (error);
  assert_error (gest_campaign_part_add (f->store, uuid, "a-1", "", 1, 1, NULL, &error), &error, GEST_ERROR_REFUSED,
                "Part A-1 is already in campaign 24S12: change its status or quantities instead.");
  /* 4 inflators but 5 screws at 2 a vehicle: the screws cover 2 vehicles, the first two imported. */
  g_assert_true (gest_campaign_part_set_status (f->store, inflator, GEST_CAMPAIGN_PART_RECEIVED, 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_to_contact (f), ==, 0);
  g_assert_true (gest_campaign_part_set_status (f->store, screw, GEST_CAMPAIGN_PART_RECEIVED, 5, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gest_campaign_vehicles_covered (f->store, uuid, &error), ==, 2);
  g_assert_cmpint (stage_of (f, uuid, 1), ==, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_cmpint (stage_of (f, uuid, 2), ==, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_cmpint (stage_of (f, uuid, 3), ==, GEST_CAMPAIGN_PARTS_PENDING);
  g_assert_cmpuint (count_to_contact (f), ==, 2);

  make_vin (3, vin);
  message = g_strdup_printf ("Vehicle %s cannot go to “To contact”: part B-2 of campaign 24S12 is missing. 5 received at 2 per vehicle cover 2 vehicles, and 2 are already past “Parts pending”. Record more parts received first.", vin);
  assert_error (gest_campaign_vehicle_move (f->store, third, GEST_CAMPAIGN_TO_CONTACT, NULL, &error), &error,
                GEST_ERROR_REFUSED, message);
  /* Those past the column move on freely. */
  g_assert_true (gest_campaign_vehicle_move (f->store, second, GEST_CAMPAIGN_BOOKED, NULL, &error));
  g_assert_no_error (error);
  /* The second repaired elsewhere gives its parts to the third. */
  g_assert_true (gest_campaign_vehicle_close (f->store, second, GEST_CAMPAIGN_CLOSEOUT_DONE_ELSEWHERE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (f, uuid, 3), ==, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_cmpint (stage_of (f, uuid, 4), ==, GEST_CAMPAIGN_PARTS_PENDING);
  /* Everything received: the rest follow. */
  g_assert_true (gest_campaign_part_set_status (f->store, screw, GEST_CAMPAIGN_PART_RECEIVED, 10, NULL, &error));
  g_assert_true (gest_campaign_part_set_status (f->store, inflator, GEST_CAMPAIGN_PART_RECEIVED, 5, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (f, uuid, 5), ==, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_cmpuint (count_to_contact (f), ==, 4);
}

static void
test_s3_no_parts_needed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "23B05", GEST_CAMPAIGN_KIND_SATISFACTION, FALSE);
  g_autofree char *gated = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autoptr(GestVinListReport) report = import_vins (f, uuid, 1, 3);
  g_autoptr(GestVinListReport) report2 = import_vins (f, gated, 10, 2);
  GestCampaignFields fields = { "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, "Software", NULL, NULL, NULL, NULL, FALSE };

  g_assert_cmpuint (gest_campaign_vehicles_covered (f->store, uuid, &error), ==, G_MAXUINT);
  g_assert_cmpint (stage_of (f, uuid, 1), ==, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_cmpint (stage_of (f, uuid, 3), ==, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_cmpint (stage_of (f, gated, 10), ==, GEST_CAMPAIGN_PARTS_PENDING);
  /* The manager finds the repair needs no part after all: its vehicles are released. */
  g_assert_true (gest_campaign_update (f->store, gated, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (f, gated, 10), ==, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_cmpuint (count_to_contact (f), ==, 5);
}

static void
test_s3_moves (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "23B05", GEST_CAMPAIGN_KIND_SAFETY_RECALL, FALSE);
  g_autoptr(GestVinListReport) report = import_vins (f, uuid, 1, 1);
  g_autofree char *first = affected_uuid (f, uuid, 1);
  g_autofree char *message = NULL;
  char vin[18];

  make_vin (1, vin);
  g_assert_true (gest_campaign_vehicle_move (f->store, first, GEST_CAMPAIGN_CONTACTED, NULL, &error));
  g_assert_no_error (error);
  message = g_strdup_printf ("Vehicle %s goes back from “Contacted” to “To contact” only with a reason: write why.", vin);
  assert_error (gest_campaign_vehicle_move (f->store, first, GEST_CAMPAIGN_TO_CONTACT, " ", &error), &error,
                GEST_ERROR_REFUSED, message);
  assert_error (gest_campaign_vehicle_move (f->store, first, GEST_CAMPAIGN_CLOSED, NULL, &error), &error,
                GEST_ERROR_REFUSED, "A vehicle goes to “Repaired” with a close-out reason: use “Close out”.");
  assert_error (gest_campaign_vehicle_close (f->store, first, GEST_CAMPAIGN_CLOSEOUT_NOT_APPLICABLE, "", &error),
                &error, GEST_ERROR_INVALID, "Closing out as “Not applicable” needs a note: write what was found or tried.");
  g_assert_true (gest_campaign_vehicle_move (f->store, first, GEST_CAMPAIGN_TO_CONTACT, "Número equivocado", &error));
  g_assert_no_error (error);
  g_assert_true (gest_campaign_vehicle_close (f->store, first, GEST_CAMPAIGN_CLOSEOUT_DONE_HERE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("Vehicle %s is closed out already (“Repaired here”): move it back to the board first to change the reason.", vin);
  assert_error (gest_campaign_vehicle_close (f->store, first, GEST_CAMPAIGN_CLOSEOUT_UNLOCATABLE, "x", &error),
                &error, GEST_ERROR_REFUSED, message);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_vehicles WHERE stage = 4"
                                                  " AND closeout = 'done-here' AND closed_by = 'Test service-manager'"), ==, 1);
}

/* --- S8: open field actions ----------------------------------------------------------------- */

static char *
vehicle_of (Fixture *f,
            guint    serial)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (f->store, "SELECT uuid FROM vehicles WHERE vin = ?1", NULL);
  char vin[18];

  make_vin (serial, vin);
  sqlite3_bind_text (stmt, 1, vin, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_s8_open_actions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recall = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autofree char *emissions = create_campaign (f, "22E01", GEST_CAMPAIGN_KIND_EMISSIONS, FALSE);
  g_autofree char *done = create_campaign (f, "23B05", GEST_CAMPAIGN_KIND_SATISFACTION, FALSE);
  g_autofree char *over = create_campaign (f, "21N03", GEST_CAMPAIGN_KIND_SAFETY_RECALL, FALSE);
  g_autoptr(GestVinListReport) r1 = import_vins (f, recall, 1, 2);
  g_autoptr(GestVinListReport) r2 = import_vins (f, emissions, 1, 1);
  g_autoptr(GestVinListReport) r3 = import_vins (f, done, 1, 1);
  g_autoptr(GestVinListReport) r4 = import_vins (f, over, 1, 1);
  g_autofree char *vehicle = vehicle_of (f, 1);
  g_autofree char *other = vehicle_of (f, 2);
  g_autofree char *repaired = affected_uuid (f, done, 1);
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE campaigns SET closed_at = 1 WHERE uuid = '%s'", over);

  g_assert_true (gest_campaign_vehicle_close (f->store, repaired, GEST_CAMPAIGN_CLOSEOUT_DONE_HERE, NULL, &error));
  g_assert_no_error (error);
  exec_sql (f->store, sql);
  actions = gest_campaign_open_actions_for_vehicle (f->store, vehicle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_cmpstr (((GestOpenFieldAction *) g_ptr_array_index (actions, 0))->code, ==, "22E01");
  g_assert_cmpint (((GestOpenFieldAction *) g_ptr_array_index (actions, 0))->stage, ==, GEST_CAMPAIGN_TO_CONTACT);
  g_assert_cmpstr (((GestOpenFieldAction *) g_ptr_array_index (actions, 1))->code, ==, "24S12");
  g_assert_cmpint (((GestOpenFieldAction *) g_ptr_array_index (actions, 1))->stage, ==, GEST_CAMPAIGN_PARTS_PENDING);
  text = gest_campaign_open_actions_text (f->store, vehicle, &error);
  g_assert_cmpstr (text, ==, "22E01 (Emissions): Reemplazo del inflador de la bolsa de aire; "
                             "24S12 (Safety recall): Reemplazo del inflador de la bolsa de aire");
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = gest_campaign_open_actions_for_vehicle (f->store, "no-such-vehicle", &error);
  g_assert_cmpuint (actions->len, ==, 0);
  none = gest_campaign_open_actions_text (f->store, "no-such-vehicle", &error);
  g_assert_cmpstr (none, ==, "");
  g_clear_pointer (&text, g_free);
  text = gest_campaign_open_actions_text (f->store, other, &error);
  g_assert_cmpstr (text, ==, "24S12 (Safety recall): Reemplazo del inflador de la bolsa de aire");
}

/* --- The data-use rule --------------------------------------------------------------------- */

static char *
customer_of (Fixture *f,
             guint    serial)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (f->store, "SELECT customer_uuid FROM vehicles WHERE vin = ?1", NULL);
  char vin[18];

  make_vin (serial, vin);
  sqlite3_bind_text (stmt, 1, vin, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
recall_only (Fixture    *f,
             const char *customer)
{
  g_autoptr(GError) error = NULL;
  gboolean only = gest_campaign_customer_is_recall_only (f->store, customer, &error);

  g_assert_no_error (error);
  return only;
}

static void
test_data_use_mark (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GestVinListReport) report = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *pulled = NULL;
  g_autofree char *known = NULL;
  g_autofree char *sql = NULL;
  char vin[18];

  /* A vehicle the dealer knows, with its customer: the list's data is not the customer's. */
  make_vin (3, vin);
  sql = g_strdup_printf ("INSERT INTO customers (uuid, name, phone_mobile) VALUES ('own', 'Cliente propio', '5511112222');"
                         "INSERT INTO vehicles (uuid, vin, customer_uuid) VALUES ('own-car', '%s', 'own');", vin);
  exec_sql (f->store, sql);
  uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, FALSE);
  report = import_vins (f, uuid, 1, 3);
  g_assert_cmpuint (report->n_added, ==, 3);
  g_assert_cmpuint (report->n_vehicles_created, ==, 2);
  edited = customer_of (f, 1);
  pulled = customer_of (f, 2);
  known = customer_of (f, 3);
  g_assert_cmpstr (known, ==, "own");
  g_assert_true (recall_only (f, edited));
  g_assert_true (recall_only (f, pulled));
  g_assert_false (recall_only (f, known));
  g_assert_false (recall_only (f, NULL));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customers WHERE name = 'Dueño 1'"
                                                  " AND phone_mobile = '5512340001' AND email = 'dueno1@example.mx'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM campaign_vehicles WHERE list_owner = 'Dueño 3'"
                                                  " AND list_phone = '5512340003'"), ==, 1);

  /* Pulled by the sync: not the dealer's confirmation. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO sync_applying (one) VALUES (1);"
                         "UPDATE customers SET phone_mobile = '5599998888' WHERE uuid = '%s';"
                         "DELETE FROM sync_applying;", pulled);
  exec_sql (f->store, sql);
  g_assert_true (recall_only (f, pulled));
  /* The dealer edits the phone: confirmed. The name alone is not contact data. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE customers SET name = 'Dueño Uno' WHERE uuid = '%s'", edited);
  exec_sql (f->store, sql);
  g_assert_true (recall_only (f, edited));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE customers SET phone_mobile = '5500001111' WHERE uuid = '%s'", edited);
  exec_sql (f->store, sql);
  g_assert_false (recall_only (f, edited));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM sync_outbox WHERE entity = 'customer_data_origin'"
                                                  " AND op = 'delete'"), ==, 1);
}

static void
test_data_use_contact_outcome (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, FALSE);
  g_autoptr(GestVinListReport) report = import_vins (f, uuid, 1, 4);
  GestDomainModule *module = gest_domain_modules_find ("campaigns");
  const GestContactOutcome outcomes[] = { GEST_CONTACT_OUTCOME_CONTACTED, GEST_CONTACT_OUTCOME_BOOKED,
                                          GEST_CONTACT_OUTCOME_REFUSED, GEST_CONTACT_OUTCOME_GAVE_UP };
  const GestCampaignStage stages[] = { GEST_CAMPAIGN_CONTACTED, GEST_CAMPAIGN_BOOKED, GEST_CAMPAIGN_CONTACTED,
                                       GEST_CAMPAIGN_TO_CONTACT };
  const gboolean still_marked[] = { FALSE, FALSE, TRUE, TRUE };

  g_assert_nonnull (module);
  /* The queue acts as the coordinator who made the call. */
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autofree char *affected = affected_uuid (f, uuid, i + 1);
      g_autofree char *customer = customer_of (f, i + 1);

      g_assert_true (gest_domain_module_contact_outcome (module, f->store, GEST_CAMPAIGN_CONTACT_SOURCE, affected,
                                                         outcomes[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (stage_of (f, uuid, i + 1), ==, stages[i]);
      g_assert_cmpint (recall_only (f, customer), ==, still_marked[i]);
    }
  g_assert_cmpuint (count_to_contact (f), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM activity WHERE kind = 'letter'"), ==, 1);
}

/* --- The board source: one campaign's vehicles by stage ------------------------------------- */

static void
test_board_source (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_campaign (f, "24S12", GEST_CAMPAIGN_KIND_SAFETY_RECALL, TRUE);
  g_autofree char *other = create_campaign (f, "23B05", GEST_CAMPAIGN_KIND_SAFETY_RECALL, FALSE);
  g_autoptr(GestVinListReport) r1 = import_vins (f, uuid, 1, 3);
  g_autoptr(GestVinListReport) r2 = import_vins (f, other, 1, 4);
  g_autoptr(GestSqlBoardSource) source = NULL;
  g_autofree char *part = NULL;
  g_autofree char *sql = NULL;
  GestBoardFilter filter = { NULL, -1, FALSE, FALSE };
  guint counts[GEST_N_CAMPAIGN_STAGES];
  char vin[18];

  g_assert_true (gest_campaign_part_add (f->store, uuid, "A-1", "Inflador", 1, 3, &part, &error));
  g_assert_true (gest_campaign_part_set_status (f->store, part, GEST_CAMPAIGN_PART_RECEIVED, 1, NULL, &error));
  g_assert_no_error (error);
  /* The first vehicle has waited 10 days to be called: overdue. */
  sql = g_strdup_printf ("UPDATE campaign_vehicles SET stage_since = stage_since - 10 * 86400000000"
                         " WHERE campaign_uuid = '%s' AND stage = 1", uuid);
  exec_sql (f->store, sql);
  source = gest_campaign_board_source_new (f->store, uuid);
  g_assert_true (gest_sql_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[GEST_CAMPAIGN_PARTS_PENDING], ==, 2);
  g_assert_cmpuint (counts[GEST_CAMPAIGN_TO_CONTACT], ==, 1);
  g_assert_cmpuint (counts[GEST_CAMPAIGN_CLOSED], ==, 0);
  filter.overdue_only = TRUE;
  g_assert_true (gest_sql_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_CAMPAIGN_TO_CONTACT], ==, 1);
  g_assert_cmpuint (counts[GEST_CAMPAIGN_PARTS_PENDING], ==, 0);
  filter.overdue_only = FALSE;
  make_vin (3, vin);
  filter.text = vin + 10;   /* the VIN's tail */
  g_assert_true (gest_sql_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_CAMPAIGN_PARTS_PENDING], ==, 1);
  g_assert_cmpuint (counts[GEST_CAMPAIGN_TO_CONTACT], ==, 0);
  filter.text = (char *) "Dueño 2";
  g_assert_true (gest_sql_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_CAMPAIGN_PARTS_PENDING], ==, 1);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/campaigns/S1/code-form-and-duplicates", test_s1_code);
  ADD ("/campaigns/S1/dates-by-kind", test_s1_dates);
  ADD ("/campaigns/S1/manager-only", test_s1_permission);
  ADD ("/campaigns/S1/weekly-review-once-per-week", test_s1_weekly_review);
  ADD ("/campaigns/S3/no-call-before-parts", test_s3_no_call_before_parts);
  ADD ("/campaigns/S3/partial-receipt-covers-some", test_s3_partial_receipt);
  ADD ("/campaigns/S3/no-parts-needed", test_s3_no_parts_needed);
  ADD ("/campaigns/S3/moves-and-close-outs", test_s3_moves);
  ADD ("/campaigns/S8/open-field-actions", test_s8_open_actions);
  ADD ("/campaigns/data-use/recall-list-mark", test_data_use_mark);
  ADD ("/campaigns/data-use/contact-outcome", test_data_use_contact_outcome);
  ADD ("/campaigns/S3/board-one-campaign-by-stage", test_board_source);
  return g_test_run ();
}
