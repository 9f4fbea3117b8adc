/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Contacto proactivo forms without a display (#14): the call panel (S6: the number
 * dialled, a call back at a later time; S8: the open field actions pre-checked, and the words
 * when none is), a visit (S4), a follow-up (S5) and a promotion (S15). */
#include "config.h"

#include <locale.h>

#include "gest-contact-call-values.h"
#include "gest-date.h"
#include "gest-retention-values.h"

static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) moment = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (moment) * G_USEC_PER_SEC;
}

static void
test_call_number (void)
{
  g_autoptr(GestContactCallValues) values = gest_contact_call_values_new (at (2026, 12, 7, 9, 30), NULL, NULL);
  g_autoptr(GestContactCallState) state = gest_contact_call_widget_state_from_values (values);
  g_autoptr(GestContactCallValues) dialled = NULL;
  g_autoptr(GestContactCallState) ready = NULL;

  g_assert_cmpstr (state->errors[GEST_CONTACT_CALL_FIELD_NUMBER], ==,
                   "Choose the number you dialled: the call is logged with it.");
  for (guint o = 0; o < GEST_N_CALL_OUTCOMES; o++)
    g_assert_false (state->outcome_sensitive[o]);
  g_assert_false (state->actions_visible);

  dialled = gest_contact_call_values_set_number (values, "5512345678");
  ready = gest_contact_call_widget_state_from_values (dialled);
  g_assert_null (ready->errors[GEST_CONTACT_CALL_FIELD_NUMBER]);
  g_assert_true (ready->outcome_sensitive[GEST_CALL_NO_ANSWER]);
  g_assert_true (ready->outcome_sensitive[GEST_CALL_BOOKED]);
  /* A call back needs its time. */
  g_assert_false (ready->outcome_sensitive[GEST_CALL_CALL_BACK]);
  /* The setters leave the original alone. */
  g_assert_null (values->number);
}

static void
test_call_back_time (void)
{
  g_autoptr(GestContactCallValues) values = gest_contact_call_values_new (at (2026, 12, 7, 9, 30), "5512345678", NULL);
  static const struct
  {
    const char *text;
    const char *error;
  } cases[] = {
    { "mañana", "Write the time to call back as dd/mm/yyyy hh:mm, for example 09/12/2026 16:30." },
    { "09/12/2026", "Write the time to call back as dd/mm/yyyy hh:mm, for example 09/12/2026 16:30." },
    { "09/12/2026 25:00", "Write the time to call back as dd/mm/yyyy hh:mm, for example 09/12/2026 16:30." },
    { "31/11/2026 10:00", "Write the time to call back as dd/mm/yyyy hh:mm, for example 09/12/2026 16:30." },
    { "07/12/2026 09:30", "That time has already passed: give a later time to call back." },
    { "06/12/2026 18:00", "That time has already passed: give a later time to call back." },
    { "07/12/2026 16:45", NULL },
    { " 9/12/2026 8:05 ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GestContactCallValues) typed = gest_contact_call_values_set_call_back (values, cases[i].text);
      g_autoptr(GestContactCallState) state = gest_contact_call_widget_state_from_values (typed);

      g_assert_cmpstr (state->errors[GEST_CONTACT_CALL_FIELD_CALL_BACK], ==, cases[i].error);
      g_assert_true (state->outcome_sensitive[GEST_CALL_CALL_BACK] == (cases[i].error == NULL));
      if (cases[i].error == NULL)
        g_assert_cmpint (state->call_back_at, >, at (2026, 12, 7, 9, 30));
    }
  {
    g_autoptr(GestContactCallValues) typed = gest_contact_call_values_set_call_back (values, "09/12/2026 16:30");
    g_autoptr(GestContactCallState) state = gest_contact_call_widget_state_from_values (typed);

    g_assert_cmpint (state->call_back_at, ==, at (2026, 12, 9, 16, 30));
  }
}

/* S8: the open field actions come pre-checked; unchecking them all says what is missing, in
 * the order of the vehicle's actions whatever the order of the clicks. */
static void
test_call_open_actions (void)
{
  const char * const open[] = { "23B05", "24S12", NULL };
  g_autoptr(GestContactCallValues) values = gest_contact_call_values_new (0, "5512345678", open);
  g_autoptr(GestContactCallState) state = gest_contact_call_widget_state_from_values (values);
  g_autoptr(GestContactCallValues) one = gest_contact_call_values_set_told (values, "23B05", FALSE);
  g_autoptr(GestContactCallValues) none = gest_contact_call_values_set_told (one, "24S12", FALSE);
  g_autoptr(GestContactCallValues) back = gest_contact_call_values_set_told (none, "24S12", TRUE);
  g_autoptr(GestContactCallValues) both = gest_contact_call_values_set_told (back, "23B05", TRUE);
  g_autoptr(GestContactCallState) one_state = gest_contact_call_widget_state_from_values (one);
  g_autoptr(GestContactCallState) none_state = gest_contact_call_widget_state_from_values (none);
  g_autoptr(GestContactCallState) both_state = gest_contact_call_widget_state_from_values (both);

  g_assert_true (state->actions_visible);
  g_assert_cmpstr (state->actions_told, ==, "23B05 24S12");
  g_assert_null (state->errors[GEST_CONTACT_CALL_FIELD_ACTIONS]);
  g_assert_cmpstr (one_state->actions_told, ==, "24S12");
  g_assert_null (one_state->errors[GEST_CONTACT_CALL_FIELD_ACTIONS]);
  g_assert_cmpstr (none_state->actions_told, ==, "");
  g_assert_cmpstr (none_state->errors[GEST_CONTACT_CALL_FIELD_ACTIONS], ==,
                   "Tell the customer about the open field actions and check each one you told: a call cannot "
                   "end as contacted, booked or refused without them.");
  /* The model refuses with the vehicle's list; a failed attempt needs nothing told. */
  g_assert_true (none_state->outcome_sensitive[GEST_CALL_CONTACTED]);
  g_assert_true (none_state->outcome_sensitive[GEST_CALL_NO_ANSWER]);
  g_assert_cmpstr (both_state->actions_told, ==, "23B05 24S12");
}

static void
test_call_saving_and_refusal (void)
{
  g_autoptr(GestContactCallValues) values = gest_contact_call_values_new (0, "5512345678", NULL);
  g_autoptr(GestContactCallValues) saving = gest_contact_call_values_set_saving (values, TRUE);
  g_autoptr(GestContactCallValues) saved = gest_contact_call_values_set_saving (saving, FALSE);
  g_autoptr(GestContactCallValues) refused = gest_contact_call_values_set_refusal (saved, "Refused in full.");
  g_autoptr(GestContactCallValues) retyped = gest_contact_call_values_set_number (refused, "2221234567");
  g_autoptr(GestContactCallState) saving_state = gest_contact_call_widget_state_from_values (saving);
  g_autoptr(GestContactCallState) refused_state = gest_contact_call_widget_state_from_values (refused);
  g_autoptr(GestContactCallState) retyped_state = gest_contact_call_widget_state_from_values (retyped);

  g_assert_false (saving_state->fields_sensitive);
  for (guint o = 0; o < GEST_N_CALL_OUTCOMES; o++)
    g_assert_false (saving_state->outcome_sensitive[o]);
  g_assert_cmpstr (refused_state->refusal, ==, "Refused in full.");
  g_assert_true (refused_state->outcome_sensitive[GEST_CALL_BOOKED]);
  g_assert_null (retyped_state->refusal);
}

/* S4: a visit recorded in the app. */
static void
test_visit (void)
{
  g_autoptr(GestVisitFormValues) values = gest_visit_form_values_new ("2026-12-07");
  g_autoptr(GestVisitFormState) state = gest_visit_form_widget_state_from_values (values);
  g_autoptr(GestVisitFormValues) vehicle = gest_visit_form_values_set_vehicle (values, "veh-1");
  g_autoptr(GestVisitFormState) ready = gest_visit_form_widget_state_from_values (vehicle);

  g_assert_cmpstr (values->opened_text, ==, "07/12/2026");
  g_assert_cmpint (values->kind, ==, GEST_VISIT_MAINTENANCE);
  g_assert_cmpstr (state->errors[GEST_VISIT_FORM_VEHICLE], ==,
                   "Find the vehicle by its VIN or plate: the visit counts for that vehicle.");
  g_assert_false (state->save_sensitive);
  g_assert_true (ready->save_sensitive);
  g_assert_cmpstr (ready->opened_on, ==, "2026-12-07");
  g_assert_null (ready->closed_on);

  {
    g_autoptr(GestVisitFormValues) future = gest_visit_form_values_set_text (vehicle, GEST_VISIT_FORM_OPENED, "08/12/2026");
    g_autoptr(GestVisitFormState) s = gest_visit_form_widget_state_from_values (future);

    g_assert_cmpstr (s->errors[GEST_VISIT_FORM_OPENED], ==, "The day the vehicle came in is after today: check the date.");
    g_assert_false (s->save_sensitive);
  }
  {
    g_autoptr(GestVisitFormValues) opened = gest_visit_form_values_set_text (vehicle, GEST_VISIT_FORM_OPENED, "05/12/2026");
    g_autoptr(GestVisitFormValues) before = gest_visit_form_values_set_text (opened, GEST_VISIT_FORM_CLOSED, "04/12/2026");
    g_autoptr(GestVisitFormValues) after = gest_visit_form_values_set_text (opened, GEST_VISIT_FORM_CLOSED, "06/12/2026");
    g_autoptr(GestVisitFormState) s1 = gest_visit_form_widget_state_from_values (before);
    g_autoptr(GestVisitFormState) s2 = gest_visit_form_widget_state_from_values (after);

    g_assert_cmpstr (s1->errors[GEST_VISIT_FORM_CLOSED], ==,
                     "The vehicle cannot leave before the day it came in: check both dates.");
    g_assert_null (s2->errors[GEST_VISIT_FORM_CLOSED]);
    g_assert_cmpstr (s2->closed_on, ==, "2026-12-06");
  }
  {
    g_autoptr(GestVisitFormValues) km = gest_visit_form_values_set_text (vehicle, GEST_VISIT_FORM_KM, "45,300");
    g_autoptr(GestVisitFormValues) bad = gest_visit_form_values_set_text (vehicle, GEST_VISIT_FORM_KM, "45 mil");
    g_autoptr(GestVisitFormState) s1 = gest_visit_form_widget_state_from_values (km);
    g_autoptr(GestVisitFormState) s2 = gest_visit_form_widget_state_from_values (bad);

    g_assert_cmpuint (s1->km, ==, 45300);
    g_assert_null (s1->errors[GEST_VISIT_FORM_KM]);
    g_assert_cmpstr (s2->errors[GEST_VISIT_FORM_KM], ==, "Write the mileage in whole kilometres, for example 45300.");
  }
}

/* S5: a follow-up on parts or a quote. */
static void
test_followup (void)
{
  g_autoptr(GestFollowupFormValues) values = gest_followup_form_values_new ("2026-12-07", "cust-1", "veh-1");
  g_autoptr(GestFollowupFormState) state = gest_followup_form_widget_state_from_values (values);
  g_autoptr(GestFollowupFormValues) quote = gest_followup_form_values_set_kind (values, GEST_FOLLOWUP_QUOTE);
  g_autoptr(GestFollowupFormState) quote_state = gest_followup_form_widget_state_from_values (quote);
  g_autoptr(GestFollowupFormValues) detail = gest_followup_form_values_set_detail (quote, "Balatas delanteras");
  g_autoptr(GestFollowupFormValues) past = gest_followup_form_values_set_call_on (detail, "06/12/2026");
  g_autoptr(GestFollowupFormValues) today = gest_followup_form_values_set_call_on (detail, "07/12/2026");
  g_autoptr(GestFollowupFormState) past_state = gest_followup_form_widget_state_from_values (past);
  g_autoptr(GestFollowupFormState) today_state = gest_followup_form_widget_state_from_values (today);

  g_assert_cmpstr (state->errors[GEST_FOLLOWUP_FORM_DETAIL], ==,
                   "Say which parts are pending, so the call can tell the customer.");
  g_assert_cmpstr (quote_state->errors[GEST_FOLLOWUP_FORM_DETAIL], ==,
                   "Say which operations or parts were quoted and not authorised.");
  g_assert_cmpstr (state->errors[GEST_FOLLOWUP_FORM_CALL_ON], ==, "Give the day agreed with the customer for the call.");
  g_assert_cmpstr (past_state->errors[GEST_FOLLOWUP_FORM_CALL_ON], ==,
                   "The agreed day has passed: give today or a later day.");
  g_assert_false (past_state->save_sensitive);
  g_assert_true (today_state->save_sensitive);
  g_assert_cmpstr (today_state->call_on, ==, "2026-12-07");
}

/* S15: a promotion told in calls and letters. */
static void
test_promotion (void)
{
  g_autoptr(GestPromotionFormValues) values = gest_promotion_form_values_new ("Afinación", "", "2026-12-01", "2026-12-31");
  g_autoptr(GestPromotionFormState) state = gest_promotion_form_widget_state_from_values (values);
  g_autoptr(GestPromotionFormValues) reversed = gest_promotion_form_values_set_text (values, GEST_PROMOTION_FORM_TO,
                                                                                    "30/11/2026");
  g_autoptr(GestPromotionFormValues) untitled = gest_promotion_form_values_set_text (values, GEST_PROMOTION_FORM_TITLE,
                                                                                    "  ");
  g_autoptr(GestPromotionFormState) reversed_state = gest_promotion_form_widget_state_from_values (reversed);
  g_autoptr(GestPromotionFormState) untitled_state = gest_promotion_form_widget_state_from_values (untitled);

  g_assert_cmpstr (values->from_text, ==, "01/12/2026");
  g_assert_true (state->save_sensitive);
  g_assert_cmpstr (state->valid_to, ==, "2026-12-31");
  g_assert_cmpstr (reversed_state->errors[GEST_PROMOTION_FORM_TO], ==,
                   "The promotion ends before it starts: check both days.");
  g_assert_cmpstr (untitled_state->errors[GEST_PROMOTION_FORM_TITLE], ==,
                   "Give the promotion a title: letters and calls name it.");
  g_assert_false (untitled_state->save_sensitive);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retention/S6/call-form/number-dialled", test_call_number);
  g_test_add_func ("/retention/S6/call-form/call-back-later", test_call_back_time);
  g_test_add_func ("/retention/S8/call-form/open-actions-pre-checked", test_call_open_actions);
  g_test_add_func ("/retention/S6/call-form/saving-and-refusal", test_call_saving_and_refusal);
  g_test_add_func ("/retention/S4/visit-form", test_visit);
  g_test_add_func ("/retention/S5/followup-form", test_followup);
  g_test_add_func ("/retention/S15/promotion-form", test_promotion);
  return g_test_run ();
}
