/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S1, S2: the rules of the campaign's two forms, without a display: the new or edited
 * campaign (Ford's code, the description, the dates only where the kind has them, an end not
 * before the start) and the part (number and quantities of a new part; the status with the
 * total received, which never goes down, and the expected day). */

#include "config.h"

#include <locale.h>

#include "gest-campaign-values.h"

#define MSG_NO_CODE "Write the campaign’s code as Ford sends it, for example 24S12."
#define MSG_BAD_CODE "“24-S12” is not a Ford campaign code. Write two digits of the year, a letter and two digits, for example 24S12."
#define MSG_NO_DESCRIPTION "Describe what the campaign fixes, in the words of Ford’s bulletin."
#define MSG_NO_START "Write the day the campaign starts, as dd/mm/yyyy."
#define MSG_NO_END "Write the day the campaign ends, as dd/mm/yyyy."
#define MSG_BAD_START "“31/02/2027” is not a date. Write the day the campaign starts as dd/mm/yyyy, for example 01/12/2026."
#define MSG_END_BEFORE "The campaign cannot end on 01/01/2027, before it starts on 01/12/2027. Check both days."
#define MSG_NO_PART "Write the part number as the parts area knows it, for example 6L2Z-78043B13-AA."
#define MSG_PER_VEHICLE_ZERO "“0” is not a quantity. Write how many pieces each vehicle needs, a whole number from 1."
#define MSG_REQUESTED_BAD "“diez” is not a quantity. Write how many pieces were requested from the parts area, a whole number."
#define MSG_NO_RECEIVED "Write how many pieces have been received in total so far."
#define MSG_RECEIVED_DOWN "40 pieces were received already. Write the total received so far, 40 or more."
#define MSG_BAD_EXPECTED "“mañana” is not a date. Write the day the parts area expects the parts as dd/mm/yyyy, or leave it empty."

static GestCampaignFormState *
campaign_state (GestCampaignFormValues *values)
{
  return gest_campaign_form_widget_state_from_values (values);
}

/* S1: Ford's code, upper-cased; the messages show only once "Save" was pressed. */
static void
test_code (void)
{
  g_autoptr(GestCampaignFormValues) empty = gest_campaign_form_values_new ();
  g_autoptr(GestCampaignFormValues) shown = gest_campaign_form_values_set_show_errors (empty, TRUE);
  g_autoptr(GestCampaignFormValues) bad = gest_campaign_form_values_set_code (shown, " 24-S12 ");
  g_autoptr(GestCampaignFormValues) good = gest_campaign_form_values_set_code (shown, " 24s12 ");
  g_autoptr(GestCampaignFormValues) described = gest_campaign_form_values_set_description (good, "  Reemplazo del inflador  ");
  g_autoptr(GestCampaignFormState) hidden = campaign_state (empty);
  g_autoptr(GestCampaignFormState) s_empty = campaign_state (shown);
  g_autoptr(GestCampaignFormState) s_bad = campaign_state (bad);
  g_autoptr(GestCampaignFormState) s_good = campaign_state (described);
  GestCampaignFields fields = { 0 };

  g_assert_false (hidden->valid);
  g_assert_null (hidden->errors[GEST_CAMPAIGN_FORM_CODE]);
  g_assert_true (hidden->save_sensitive);
  g_assert_cmpstr (s_empty->errors[GEST_CAMPAIGN_FORM_CODE], ==, MSG_NO_CODE);
  g_assert_cmpstr (s_empty->errors[GEST_CAMPAIGN_FORM_DESCRIPTION], ==, MSG_NO_DESCRIPTION);
  g_assert_false (s_empty->save_sensitive);
  g_assert_cmpstr (s_bad->errors[GEST_CAMPAIGN_FORM_CODE], ==, MSG_BAD_CODE);
  g_assert_true (s_good->valid);
  g_assert_null (s_good->errors[GEST_CAMPAIGN_FORM_CODE]);
  g_assert_cmpstr (s_good->code, ==, "24S12");
  g_assert_cmpstr (s_good->description, ==, "Reemplazo del inflador");
  gest_campaign_form_state_fields (s_good, described, &fields);
  g_assert_cmpstr (fields.code, ==, "24S12");
  g_assert_cmpint (fields.kind, ==, GEST_CAMPAIGN_KIND_SAFETY_RECALL);
  g_assert_null (fields.starts_on);
  g_assert_true (fields.needs_parts);
}

/* S1: a safety recall has no dates; a satisfaction program and an emission campaign have a
 * start and an end, parsed dd/mm/yyyy, the end not before the start. */
static void
test_dates_by_kind (void)
{
  g_autoptr(GestCampaignFormValues) base = gest_campaign_form_values_new ();
  g_autoptr(GestCampaignFormValues) a = gest_campaign_form_values_set_code (base, "23B05");
  g_autoptr(GestCampaignFormValues) b = gest_campaign_form_values_set_description (a, "Actualización del módulo");
  g_autoptr(GestCampaignFormValues) recall = gest_campaign_form_values_set_show_errors (b, TRUE);
  g_autoptr(GestCampaignFormValues) program = gest_campaign_form_values_set_kind (recall, GEST_CAMPAIGN_KIND_SATISFACTION);
  g_autoptr(GestCampaignFormValues) bad_day = gest_campaign_form_values_set_dates (program, "31/02/2027", "");
  g_autoptr(GestCampaignFormValues) reversed = gest_campaign_form_values_set_dates (program, "01/12/2027", "01/01/2027");
  g_autoptr(GestCampaignFormValues) emissions = gest_campaign_form_values_set_kind (reversed, GEST_CAMPAIGN_KIND_EMISSIONS);
  g_autoptr(GestCampaignFormValues) fine = gest_campaign_form_values_set_dates (emissions, "1/12/2026", "31/05/2027");
  g_autoptr(GestCampaignFormValues) back_to_recall = gest_campaign_form_values_set_kind (bad_day, GEST_CAMPAIGN_KIND_SAFETY_RECALL);
  g_autoptr(GestCampaignFormState) s_recall = campaign_state (recall);
  g_autoptr(GestCampaignFormState) s_program = campaign_state (program);
  g_autoptr(GestCampaignFormState) s_bad_day = campaign_state (bad_day);
  g_autoptr(GestCampaignFormState) s_reversed = campaign_state (reversed);
  g_autoptr(GestCampaignFormState) s_fine = campaign_state (fine);
  g_autoptr(GestCampaignFormState) s_back = campaign_state (back_to_recall);

  g_assert_false (s_recall->dates_visible);
  g_assert_true (s_recall->valid);
  g_assert_true (s_program->dates_visible);
  g_assert_false (s_program->valid);
  g_assert_cmpstr (s_program->errors[GEST_CAMPAIGN_FORM_STARTS], ==, MSG_NO_START);
  g_assert_cmpstr (s_program->errors[GEST_CAMPAIGN_FORM_ENDS], ==, MSG_NO_END);
  g_assert_cmpstr (s_bad_day->errors[GEST_CAMPAIGN_FORM_STARTS], ==, MSG_BAD_START);
  g_assert_null (s_reversed->errors[GEST_CAMPAIGN_FORM_STARTS]);
  g_assert_cmpstr (s_reversed->errors[GEST_CAMPAIGN_FORM_ENDS], ==, MSG_END_BEFORE);
  g_assert_false (s_reversed->valid);
  g_assert_null (s_reversed->starts_on);
  g_assert_true (s_fine->valid);
  g_assert_cmpstr (s_fine->starts_on, ==, "2026-12-01");
  g_assert_cmpstr (s_fine->ends_on, ==, "2027-05-31");
  /* The dates of a kind without them are neither checked nor saved. */
  g_assert_true (s_back->valid);
  g_assert_null (s_back->starts_on);
  g_assert_null (s_back->errors[GEST_CAMPAIGN_FORM_STARTS]);
}

/* S1: an edit keeps its code; a save in progress locks the form; the model's refusal shows in
 * full and clears on the next save. */
static void
test_edit_and_refusal (void)
{
  GestCampaign campaign = {
    .uuid = (char *) "c-1", .code = (char *) "22E01", .kind = GEST_CAMPAIGN_KIND_EMISSIONS,
    .description = (char *) "Recalibración", .labour_notes = (char *) "0.5 h", .parts_notes = (char *) "",
    .starts_on = (char *) "2026-01-15", .ends_on = (char *) "2026-12-31", .needs_parts = FALSE,
  };
  g_autoptr(GestCampaignFormValues) values = gest_campaign_form_values_new_from (&campaign);
  g_autoptr(GestCampaignFormValues) refused = gest_campaign_form_values_set_refusal (values, "There is already a campaign 22E01.");
  g_autoptr(GestCampaignFormValues) saving = gest_campaign_form_values_set_saving (refused, TRUE);
  g_autoptr(GestCampaignFormState) s_values = campaign_state (values);
  g_autoptr(GestCampaignFormState) s_refused = campaign_state (refused);
  g_autoptr(GestCampaignFormState) s_saving = campaign_state (saving);

  g_assert_cmpstr (values->starts_text, ==, "15/01/2026");
  g_assert_cmpstr (values->ends_text, ==, "31/12/2026");
  g_assert_false (values->needs_parts);
  g_assert_true (s_values->valid);
  g_assert_false (s_values->code_sensitive);
  g_assert_true (s_values->fields_sensitive);
  g_assert_cmpstr (s_refused->refusal, ==, "There is already a campaign 22E01.");
  g_assert_null (s_saving->refusal);
  g_assert_false (s_saving->fields_sensitive);
  g_assert_false (s_saving->save_sensitive);
}

/* S2: a new part needs its number and at least one piece per vehicle. */
static void
test_part_add (void)
{
  g_autoptr(GestCampaignPartFormValues) base = gest_campaign_part_form_values_new_add ();
  g_autoptr(GestCampaignPartFormValues) shown = gest_campaign_part_form_values_set_show_errors (base, TRUE);
  g_autoptr(GestCampaignPartFormValues) zero = gest_campaign_part_form_values_set_quantities (shown, "0", "diez");
  g_autoptr(GestCampaignPartFormValues) named = gest_campaign_part_form_values_set_part (shown, " 6l2z-78043b13-aa ", "Inflador");
  g_autoptr(GestCampaignPartFormValues) good = gest_campaign_part_form_values_set_quantities (named, "2", "300");
  g_autoptr(GestCampaignPartFormState) s_shown = gest_campaign_part_form_widget_state_from_values (shown);
  g_autoptr(GestCampaignPartFormState) s_zero = gest_campaign_part_form_widget_state_from_values (zero);
  g_autoptr(GestCampaignPartFormState) s_good = gest_campaign_part_form_widget_state_from_values (good);

  g_assert_true (s_shown->add_rows_visible);
  g_assert_false (s_shown->status_rows_visible);
  g_assert_cmpstr (s_shown->errors[GEST_CAMPAIGN_PART_FORM_NUMBER], ==, MSG_NO_PART);
  g_assert_null (s_shown->errors[GEST_CAMPAIGN_PART_FORM_PER_VEHICLE]);
  g_assert_cmpstr (s_zero->errors[GEST_CAMPAIGN_PART_FORM_PER_VEHICLE], ==, MSG_PER_VEHICLE_ZERO);
  g_assert_cmpstr (s_zero->errors[GEST_CAMPAIGN_PART_FORM_REQUESTED], ==, MSG_REQUESTED_BAD);
  g_assert_true (s_good->valid);
  g_assert_cmpstr (s_good->part_number, ==, "6L2Z-78043B13-AA");
  g_assert_cmpuint (s_good->qty_per_vehicle, ==, 2);
  g_assert_cmpuint (s_good->qty_requested, ==, 300);
}

/* S2: the follow-up of a part: the total received only for "received", never less than what
 * was received before (lots add up); the expected day for ordered and back-ordered parts. */
static void
test_part_status (void)
{
  GestCampaignPart part = {
    .uuid = (char *) "p-1", .part_number = (char *) "6L2Z-78043B13-AA", .description = (char *) "Inflador",
    .qty_per_vehicle = 1, .status = GEST_CAMPAIGN_PART_RECEIVED, .qty_requested = 300, .qty_received = 40,
  };
  g_autoptr(GestCampaignPartFormValues) values = gest_campaign_part_form_values_new_status (&part);
  g_autoptr(GestCampaignPartFormValues) shown = gest_campaign_part_form_values_set_show_errors (values, TRUE);
  g_autoptr(GestCampaignPartFormValues) less = gest_campaign_part_form_values_set_received (shown, "30");
  g_autoptr(GestCampaignPartFormValues) empty = gest_campaign_part_form_values_set_received (shown, "");
  g_autoptr(GestCampaignPartFormValues) more = gest_campaign_part_form_values_set_received (shown, "120");
  g_autoptr(GestCampaignPartFormValues) back = gest_campaign_part_form_values_set_status (less, GEST_CAMPAIGN_PART_BACK_ORDERED);
  g_autoptr(GestCampaignPartFormValues) bad_day = gest_campaign_part_form_values_set_expected (back, "mañana");
  g_autoptr(GestCampaignPartFormValues) day = gest_campaign_part_form_values_set_expected (back, "15/01/2027");
  g_autoptr(GestCampaignPartFormState) s_values = gest_campaign_part_form_widget_state_from_values (shown);
  g_autoptr(GestCampaignPartFormState) s_less = gest_campaign_part_form_widget_state_from_values (less);
  g_autoptr(GestCampaignPartFormState) s_empty = gest_campaign_part_form_widget_state_from_values (empty);
  g_autoptr(GestCampaignPartFormState) s_more = gest_campaign_part_form_widget_state_from_values (more);
  g_autoptr(GestCampaignPartFormState) s_back = gest_campaign_part_form_widget_state_from_values (back);
  g_autoptr(GestCampaignPartFormState) s_bad_day = gest_campaign_part_form_widget_state_from_values (bad_day);
  g_autoptr(GestCampaignPartFormState) s_day = gest_campaign_part_form_widget_state_from_values (day);

  g_assert_false (s_values->add_rows_visible);
  g_assert_true (s_values->status_rows_visible);
  g_assert_true (s_values->received_visible);
  g_assert_false (s_values->expected_visible);
  g_assert_true (s_values->valid);
  g_assert_cmpuint (s_values->qty_received, ==, 40);
  g_assert_cmpstr (s_less->errors[GEST_CAMPAIGN_PART_FORM_RECEIVED], ==, MSG_RECEIVED_DOWN);
  g_assert_cmpstr (s_empty->errors[GEST_CAMPAIGN_PART_FORM_RECEIVED], ==, MSG_NO_RECEIVED);
  g_assert_true (s_more->valid);
  g_assert_cmpuint (s_more->qty_received, ==, 120);
  /* Back-ordered: the received row hides and is not checked; the expected day shows. */
  g_assert_false (s_back->received_visible);
  g_assert_true (s_back->expected_visible);
  g_assert_true (s_back->valid);
  g_assert_null (s_back->expected_on);
  g_assert_cmpstr (s_bad_day->errors[GEST_CAMPAIGN_PART_FORM_EXPECTED], ==, MSG_BAD_EXPECTED);
  g_assert_cmpstr (s_day->expected_on, ==, "2027-01-15");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaigns/S1/form-code", test_code);
  g_test_add_func ("/campaigns/S1/form-dates-by-kind", test_dates_by_kind);
  g_test_add_func ("/campaigns/S1/form-edit-and-refusal", test_edit_and_refusal);
  g_test_add_func ("/campaigns/S2/part-form-add", test_part_add);
  g_test_add_func ("/campaigns/S2/part-form-status", test_part_status);

  return g_test_run ();
}
