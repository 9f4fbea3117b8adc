/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The complaints' forms without a display (Q5, Q6, Q9, Q10): the intake window's values and
 * the closure, assignment and task dialogs' values, each with its pure setters and the widget
 * state computed from them: which field is in error and with which words, what is sensitive,
 * whether the main button can be pressed and why not. */

#include "config.h"

#include <locale.h>

#include "gest-complaint-dialog-values.h"
#include "gest-complaint-intake-values.h"
#include "gest-date.h"

#define MSG_CUSTOMER "Choose the customer who complains: search them by name, or create them if they are new."
#define MSG_COMPLAINANT "Write the name of the person who complains: the customer or whoever speaks for them."
#define MSG_SUMMARY_PHONE "Write a summary of the complaint as the customer told it."
#define MSG_SUMMARY_WRITING "Type the text of the customer’s letter as the summary."
#define MSG_LETTER "Attach the customer’s scanned letter: a complaint in writing keeps its scan."
#define MSG_RESPONSIBLE "Choose the primary responsible for the case among the active users."
#define MSG_CAUSE "Choose the cause of the complaint from the catalog. If it is missing, ask the head of customer service to add it."
#define MSG_ERROR "Choose the error that gave rise to the complaint from the catalog. If it is missing, ask the head of customer service to add it."
#define MSG_AREA "Choose the area responsible for the error from the catalog. If it is missing, ask the head of customer service to add it."
#define MSG_NO_CALL "The customer has not confirmed by phone that they accept the solution. Record that call on the case first, then close it."
#define MSG_ASSIGN_RESPONSIBLE "Choose the responsible for the case among the active users."
#define MSG_STATUS "Choose the status of the customer’s documents (OG, AA, AN, PR or PN) after reviewing the account."
#define MSG_TASK_ASSIGNEE "Choose who is responsible for the task among the active users."
#define MSG_TASK_DESCRIPTION "Write what has to be done, so the assignee knows the action expected."
#define MSG_DUE_EMPTY "Write the day the task is due, as dd/mm/yyyy."

static GDate today;

/* A phone intake with every required field filled. */
static GestComplaintIntakeValues *
complete_phone_intake (void)
{
  g_autoptr(GestComplaintIntakeValues) v0 = gest_complaint_intake_values_new ();
  g_autoptr(GestComplaintIntakeValues) v1 = gest_complaint_intake_values_set_customer (v0, "c-1", "Ana Ruiz");
  g_autoptr(GestComplaintIntakeValues) v2 = gest_complaint_intake_values_set_complainant (v1, "Ana Ruiz", "Titular");
  g_autoptr(GestComplaintIntakeValues) v3 = gest_complaint_intake_values_set_summary (v2, "Cobro doble de la cuota");

  return gest_complaint_intake_values_set_responsible (v3, "u-1");
}

static void
test_intake_setters_are_pure (void)
{
  g_autoptr(GestComplaintIntakeValues) v0 = gest_complaint_intake_values_new ();
  g_autoptr(GestComplaintIntakeValues) v1 = gest_complaint_intake_values_set_summary (v0, "texto");
  g_autoptr(GestComplaintIntakeValues) v2 = gest_complaint_intake_values_set_customer (v1, "c-1", "Ana");
  g_autoptr(GestComplaintIntakeValues) v3 = gest_complaint_intake_values_set_plan (v2, "p-1", "v-1");
  g_autoptr(GestComplaintIntakeValues) v4 = gest_complaint_intake_values_set_customer (v3, "c-2", "Beto");
  g_autoptr(GestComplaintIntakeValues) v5 = gest_complaint_intake_values_set_customer (v3, "c-1", "Ana");

  g_assert_cmpstr (v0->summary, ==, "");
  g_assert_cmpstr (v1->summary, ==, "texto");
  g_assert_null (v1->customer_uuid);
  g_assert_cmpstr (v3->plan_uuid, ==, "p-1");
  g_assert_cmpstr (v3->vehicle_uuid, ==, "v-1");
  /* Another customer forgets the plan and vehicle of the first; the same one keeps them. */
  g_assert_null (v4->plan_uuid);
  g_assert_null (v4->vehicle_uuid);
  g_assert_cmpstr (v4->customer_name, ==, "Beto");
  g_assert_cmpstr (v5->plan_uuid, ==, "p-1");
}

static void
test_intake_phone_required (void)
{
  g_autoptr(GestComplaintIntakeValues) v0 = gest_complaint_intake_values_new ();
  g_autoptr(GestComplaintIntakeValues) shown = gest_complaint_intake_values_set_show_errors (v0, TRUE);
  g_autoptr(GestComplaintIntakeState) quiet = gest_complaint_intake_widget_state_from_values (v0);
  g_autoptr(GestComplaintIntakeState) state = gest_complaint_intake_widget_state_from_values (shown);
  g_autoptr(GestComplaintIntakeValues) full = complete_phone_intake ();
  g_autoptr(GestComplaintIntakeValues) full_shown = gest_complaint_intake_values_set_show_errors (full, TRUE);
  g_autoptr(GestComplaintIntakeState) ok = gest_complaint_intake_widget_state_from_values (full_shown);

  /* Nothing is in error before the first try, but the form is not valid. */
  g_assert_false (quiet->valid);
  g_assert_null (gest_complaint_intake_state_get_first_error (quiet));
  g_assert_true (quiet->register_sensitive);
  g_assert_false (quiet->letter_visible);
  g_assert_false (quiet->account_sensitive);
  g_assert_cmpstr (quiet->summary_title, ==, "Summary");

  g_assert_false (state->valid);
  g_assert_cmpstr (state->errors[GEST_COMPLAINT_INTAKE_CUSTOMER], ==, MSG_CUSTOMER);
  g_assert_cmpstr (state->errors[GEST_COMPLAINT_INTAKE_COMPLAINANT], ==, MSG_COMPLAINANT);
  g_assert_cmpstr (state->errors[GEST_COMPLAINT_INTAKE_SUMMARY], ==, MSG_SUMMARY_PHONE);
  g_assert_null (state->errors[GEST_COMPLAINT_INTAKE_LETTER]);
  g_assert_cmpstr (state->errors[GEST_COMPLAINT_INTAKE_RESPONSIBLE], ==, MSG_RESPONSIBLE);
  g_assert_cmpstr (gest_complaint_intake_state_get_first_error (state), ==, MSG_CUSTOMER);

  g_assert_true (ok->valid);
  g_assert_true (ok->account_sensitive);
  g_assert_null (gest_complaint_intake_state_get_first_error (ok));
}

static void
test_intake_blank_is_missing (void)
{
  g_autoptr(GestComplaintIntakeValues) full = complete_phone_intake ();
  g_autoptr(GestComplaintIntakeValues) blank = gest_complaint_intake_values_set_summary (full, "  \n\t ");
  g_autoptr(GestComplaintIntakeValues) shown = gest_complaint_intake_values_set_show_errors (blank, TRUE);
  g_autoptr(GestComplaintIntakeState) state = gest_complaint_intake_widget_state_from_values (shown);

  g_assert_false (state->valid);
  g_assert_cmpstr (gest_complaint_intake_state_get_first_error (state), ==, MSG_SUMMARY_PHONE);
}

static void
test_intake_writing_needs_letter (void)
{
  g_autoptr(GestComplaintIntakeValues) full = complete_phone_intake ();
  g_autoptr(GestComplaintIntakeValues) writing = gest_complaint_intake_values_set_channel (full, GEST_COMPLAINT_CHANNEL_WRITING);
  g_autoptr(GestComplaintIntakeValues) shown = gest_complaint_intake_values_set_show_errors (writing, TRUE);
  g_autoptr(GestComplaintIntakeState) state = gest_complaint_intake_widget_state_from_values (shown);
  g_autoptr(GestComplaintIntakeValues) with_letter = gest_complaint_intake_values_set_letter (shown, "/tmp/carta.pdf");
  g_autoptr(GestComplaintIntakeState) ok = gest_complaint_intake_widget_state_from_values (with_letter);
  g_autoptr(GestComplaintIntakeValues) no_summary = gest_complaint_intake_values_set_summary (with_letter, "");
  g_autoptr(GestComplaintIntakeState) summary_state = gest_complaint_intake_widget_state_from_values (no_summary);
  g_autoptr(GestComplaintIntakeValues) phone = gest_complaint_intake_values_set_channel (with_letter, GEST_COMPLAINT_CHANNEL_PHONE);
  GestComplaintIntake intake;

  g_assert_true (state->letter_visible);
  g_assert_false (state->valid);
  g_assert_cmpstr (state->errors[GEST_COMPLAINT_INTAKE_LETTER], ==, MSG_LETTER);
  g_assert_cmpstr (gest_complaint_intake_state_get_first_error (state), ==, MSG_LETTER);

  g_assert_true (ok->valid);
  g_assert_cmpstr (ok->summary_title, ==, "Letter’s Text");
  g_assert_cmpstr (summary_state->errors[GEST_COMPLAINT_INTAKE_SUMMARY], ==, MSG_SUMMARY_WRITING);

  gest_complaint_intake_values_to_intake (with_letter, &intake);
  g_assert_cmpint (intake.channel, ==, GEST_COMPLAINT_CHANNEL_WRITING);
  g_assert_cmpstr (intake.letter_path, ==, "/tmp/carta.pdf");
  g_assert_cmpstr (intake.customer_uuid, ==, "c-1");
  g_assert_cmpstr (intake.complainant_role, ==, "Titular");
  g_assert_cmpstr (intake.responsible_uuid, ==, "u-1");
  /* A letter chosen before switching to phone is not sent with a phone intake. */
  gest_complaint_intake_values_to_intake (phone, &intake);
  g_assert_null (intake.letter_path);
}

static void
test_intake_saving_and_refusal (void)
{
  g_autoptr(GestComplaintIntakeValues) full = complete_phone_intake ();
  g_autoptr(GestComplaintIntakeValues) refused = gest_complaint_intake_values_set_refusal (full, "Refused.");
  g_autoptr(GestComplaintIntakeState) refused_state = gest_complaint_intake_widget_state_from_values (refused);
  g_autoptr(GestComplaintIntakeValues) saving = gest_complaint_intake_values_set_saving (refused, TRUE);
  g_autoptr(GestComplaintIntakeState) state = gest_complaint_intake_widget_state_from_values (saving);

  g_assert_cmpstr (refused_state->refusal, ==, "Refused.");
  g_assert_cmpstr (gest_complaint_intake_state_get_first_error (refused_state), ==, "Refused.");
  g_assert_null (state->refusal);
  g_assert_false (state->register_sensitive);
  g_assert_false (state->fields_sensitive);
  g_assert_false (state->account_sensitive);
}

static void
test_closure_needs_call (void)
{
  g_autoptr(GestComplaintClosureValues) v0 = gest_complaint_closure_values_new (FALSE);
  g_autoptr(GestComplaintClosureValues) shown = gest_complaint_closure_values_set_show_errors (v0, TRUE);
  g_autoptr(GestComplaintClosureState) state = gest_complaint_closure_widget_state_from_values (shown);
  g_autoptr(GestComplaintClosureValues) called = gest_complaint_closure_values_new (TRUE);
  g_autoptr(GestComplaintClosureState) ok = gest_complaint_closure_widget_state_from_values (called);

  g_assert_cmpstr (state->blocked, ==, MSG_NO_CALL);
  g_assert_false (state->close_sensitive);
  g_assert_false (state->fields_sensitive);
  /* The call is what is missing: the catalogs' rows are not marked meanwhile. */
  g_assert_null (state->errors[GEST_COMPLAINT_CLOSURE_CAUSE]);

  g_assert_null (ok->blocked);
  g_assert_true (ok->close_sensitive);
  g_assert_true (ok->fields_sensitive);
}

static void
test_closure_needs_cause_error_area (void)
{
  g_autoptr(GestComplaintClosureValues) v0 = gest_complaint_closure_values_new (TRUE);
  g_autoptr(GestComplaintClosureValues) v1 = gest_complaint_closure_values_set_show_errors (v0, TRUE);
  g_autoptr(GestComplaintClosureState) s1 = gest_complaint_closure_widget_state_from_values (v1);
  g_autoptr(GestComplaintClosureValues) v2 = gest_complaint_closure_values_set_field (v1, GEST_COMPLAINT_CLOSURE_CAUSE, "cause-1");
  g_autoptr(GestComplaintClosureValues) v3 = gest_complaint_closure_values_set_field (v2, GEST_COMPLAINT_CLOSURE_ERROR, "error-1");
  g_autoptr(GestComplaintClosureState) s3 = gest_complaint_closure_widget_state_from_values (v3);
  g_autoptr(GestComplaintClosureValues) v4 = gest_complaint_closure_values_set_field (v3, GEST_COMPLAINT_CLOSURE_AREA, "area-1");
  g_autoptr(GestComplaintClosureState) s4 = gest_complaint_closure_widget_state_from_values (v4);
  g_autoptr(GestComplaintClosureValues) v5 = gest_complaint_closure_values_set_field (v4, GEST_COMPLAINT_CLOSURE_CAUSE, NULL);
  g_autoptr(GestComplaintClosureState) s5 = gest_complaint_closure_widget_state_from_values (v5);

  g_assert_false (s1->valid);
  g_assert_cmpstr (s1->errors[GEST_COMPLAINT_CLOSURE_CAUSE], ==, MSG_CAUSE);
  g_assert_cmpstr (s1->errors[GEST_COMPLAINT_CLOSURE_ERROR], ==, MSG_ERROR);
  g_assert_cmpstr (s1->errors[GEST_COMPLAINT_CLOSURE_AREA], ==, MSG_AREA);

  g_assert_false (s3->valid);
  g_assert_null (s3->errors[GEST_COMPLAINT_CLOSURE_CAUSE]);
  g_assert_null (s3->errors[GEST_COMPLAINT_CLOSURE_ERROR]);
  g_assert_cmpstr (s3->errors[GEST_COMPLAINT_CLOSURE_AREA], ==, MSG_AREA);

  g_assert_true (s4->valid);
  g_assert_cmpstr (v4->cause_uuid, ==, "cause-1");
  g_assert_cmpstr (v4->area_uuid, ==, "area-1");

  g_assert_false (s5->valid);
  g_assert_cmpstr (s5->errors[GEST_COMPLAINT_CLOSURE_CAUSE], ==, MSG_CAUSE);
}

static void
test_closure_saving (void)
{
  g_autoptr(GestComplaintClosureValues) v0 = gest_complaint_closure_values_new (TRUE);
  g_autoptr(GestComplaintClosureValues) v1 = gest_complaint_closure_values_set_refusal (v0, "No.");
  g_autoptr(GestComplaintClosureValues) v2 = gest_complaint_closure_values_set_saving (v1, TRUE);
  g_autoptr(GestComplaintClosureState) s1 = gest_complaint_closure_widget_state_from_values (v1);
  g_autoptr(GestComplaintClosureState) s2 = gest_complaint_closure_widget_state_from_values (v2);

  g_assert_cmpstr (s1->refusal, ==, "No.");
  g_assert_null (s2->refusal);
  g_assert_false (s2->close_sensitive);
  g_assert_false (s2->fields_sensitive);
}

static void
test_assign (void)
{
  GestComplaint complaint = { 0 };
  g_autoptr(GestComplaintAssignValues) v0 = NULL;
  g_autoptr(GestComplaintAssignValues) v1 = NULL;
  g_autoptr(GestComplaintAssignValues) v2 = NULL;
  g_autoptr(GestComplaintAssignValues) v3 = NULL;
  g_autoptr(GestComplaintAssignState) s1 = NULL;
  g_autoptr(GestComplaintAssignState) s2 = NULL;
  g_autoptr(GestComplaintAssignState) s3 = NULL;

  complaint.responsible_uuid = (char *) "u-1";
  complaint.advisor_name = (char *) "Jorge Silva";
  v0 = gest_complaint_assign_values_new (&complaint);
  g_assert_cmpstr (v0->responsible_uuid, ==, "u-1");
  g_assert_cmpstr (v0->advisor_name, ==, "Jorge Silva");
  g_assert_cmpstr (v0->commercial_coordinator, ==, "");
  g_assert_null (v0->document_status);

  v1 = gest_complaint_assign_values_set_show_errors (v0, TRUE);
  s1 = gest_complaint_assign_widget_state_from_values (v1);
  g_assert_false (s1->valid);
  g_assert_null (s1->errors[GEST_COMPLAINT_ASSIGN_RESPONSIBLE]);
  g_assert_cmpstr (s1->errors[GEST_COMPLAINT_ASSIGN_DOCUMENT_STATUS], ==, MSG_STATUS);
  g_assert_null (s1->status_meaning);

  v2 = gest_complaint_assign_values_set_document_status (v1, "AN");
  s2 = gest_complaint_assign_widget_state_from_values (v2);
  g_assert_true (s2->valid);
  /* The code's meaning shows beside it: the model's words. */
  g_assert_nonnull (s2->status_meaning);
  g_assert_cmpstr (s2->status_meaning, ==, gest_document_status_meaning (GEST_DOCUMENT_STATUS_AN));

  v3 = gest_complaint_assign_values_set_responsible (v2, NULL);
  s3 = gest_complaint_assign_widget_state_from_values (v3);
  g_assert_false (s3->valid);
  g_assert_cmpstr (s3->errors[GEST_COMPLAINT_ASSIGN_RESPONSIBLE], ==, MSG_ASSIGN_RESPONSIBLE);
}

static void
test_task (void)
{
  g_autoptr(GestComplaintTaskValues) v0 = gest_complaint_task_values_new ();
  g_autoptr(GestComplaintTaskValues) v1 = gest_complaint_task_values_set_show_errors (v0, TRUE);
  g_autoptr(GestComplaintTaskState) s1 = gest_complaint_task_widget_state_from_values (v1, &today);
  g_autoptr(GestComplaintTaskValues) v2 = gest_complaint_task_values_set_assignee (v1, "u-2");
  g_autoptr(GestComplaintTaskValues) v3 = gest_complaint_task_values_set_description (v2, "  Revisar el cobro  ");
  g_autoptr(GestComplaintTaskValues) v4 = gest_complaint_task_values_set_due_text (v3, "31/02/2027");
  g_autoptr(GestComplaintTaskState) s4 = gest_complaint_task_widget_state_from_values (v4, &today);
  g_autofree char *today_text = gest_date_format (&today);
  g_autoptr(GestComplaintTaskValues) v5 = gest_complaint_task_values_set_due_text (v3, today_text);
  g_autoptr(GestComplaintTaskState) s5 = gest_complaint_task_widget_state_from_values (v5, &today);
  GDate yesterday = today;
  g_autofree char *yesterday_text = NULL;
  g_autofree char *passed = NULL;
  g_autoptr(GestComplaintTaskValues) v6 = NULL;
  g_autoptr(GestComplaintTaskState) s6 = NULL;

  g_assert_false (s1->valid);
  g_assert_cmpstr (s1->errors[GEST_COMPLAINT_TASK_ASSIGNEE], ==, MSG_TASK_ASSIGNEE);
  g_assert_cmpstr (s1->errors[GEST_COMPLAINT_TASK_DESCRIPTION], ==, MSG_TASK_DESCRIPTION);
  g_assert_cmpstr (s1->errors[GEST_COMPLAINT_TASK_DUE], ==, MSG_DUE_EMPTY);

  g_assert_false (s4->valid);
  g_assert_cmpstr (s4->errors[GEST_COMPLAINT_TASK_DUE], ==,
                   "“31/02/2027” is not a date. Write the due day as dd/mm/yyyy, for example 15/01/2027.");

  /* Today is the first day allowed; yesterday has passed. */
  g_assert_true (s5->valid);
  g_assert_cmpstr (s5->description, ==, "Revisar el cobro");
  g_assert_cmpint (g_date_compare (&s5->due, &today), ==, 0);

  g_date_subtract_days (&yesterday, 1);
  yesterday_text = gest_date_format (&yesterday);
  v6 = gest_complaint_task_values_set_due_text (v3, yesterday_text);
  s6 = gest_complaint_task_widget_state_from_values (v6, &today);
  passed = g_strdup_printf ("The due day %s has already passed. Choose today or a later day.", yesterday_text);
  g_assert_false (s6->valid);
  g_assert_cmpstr (s6->errors[GEST_COMPLAINT_TASK_DUE], ==, passed);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_date_today (&today);

  g_test_add_func ("/complaints/Q5/intake-form/setters-are-pure", test_intake_setters_are_pure);
  g_test_add_func ("/complaints/Q5/intake-form/phone-needs-customer-complainant-summary-responsible",
                   test_intake_phone_required);
  g_test_add_func ("/complaints/Q5/intake-form/blank-is-missing", test_intake_blank_is_missing);
  g_test_add_func ("/complaints/Q5/intake-form/writing-needs-scanned-letter", test_intake_writing_needs_letter);
  g_test_add_func ("/complaints/Q5/intake-form/saving-and-refusal", test_intake_saving_and_refusal);
  g_test_add_func ("/complaints/Q9/closure-form/needs-accepting-call", test_closure_needs_call);
  g_test_add_func ("/complaints/Q10/closure-form/needs-cause-error-area", test_closure_needs_cause_error_area);
  g_test_add_func ("/complaints/Q10/closure-form/saving-and-refusal", test_closure_saving);
  g_test_add_func ("/complaints/Q6/assign-form/responsible-and-document-status", test_assign);
  g_test_add_func ("/complaints/Q6/task-form/assignee-description-due-day", test_task);

  return g_test_run ();
}
