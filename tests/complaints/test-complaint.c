/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13: the complaint's model on a real store (Q5-Q10, Q12): the intake's checks and its
 * folio, the assignment to an active user, the log of the day, the moves and what each stage
 * needs, the head's approval by role, the answer letter after the approval, the accepting
 * call, the closure with cause, error and area, the reopening, the annulment path. Every
 * refusal with its full message, and nothing written then. No display. */
#include "config.h"

#include <locale.h>

#include "gest-activity-log.h"
#include "gest-complaint.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-user.h"

typedef struct
{
  char      *dir;
  GestStore *store;
  char      *analyst;    /* uuid */
  char      *head;
  char      *cause;
  char      *error;
  char      *area;
} Fixture;

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  exec_sql (f->store,
            "INSERT INTO customers (uuid, name, city, email) VALUES"
            " ('cust-1', 'María Pérez López', 'Puebla', 'maria@example.com'),"
            " ('cust-2', 'Jorge Ruiz Díaz', 'Toluca', '');"
            "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, overdue, life_insurance, as_of)"
            " VALUES ('plan-1', 'PL-1048', 'cust-1', 750000, 10488000, 1500000, 0, '2026-11-30'),"
            "        ('plan-2', 'PL-2000', 'cust-2', 750000, 10488000, 0, 0, '2026-11-30');");
  /* The head first: the catalogs are theirs. */
  f->head = g_strdup (gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD)->uuid);
  g_assert_true (gest_complaint_catalog_add (f->store, "cause", "Cobro indebido", &f->cause, &error));
  g_assert_true (gest_complaint_catalog_add (f->store, "error", "Error de captura", &f->error, &error));
  g_assert_true (gest_complaint_catalog_add (f->store, "area", "Cobranza", &f->area, &error));
  g_assert_no_error (error);
  f->analyst = g_strdup (gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST)->uuid);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->analyst);
  g_free (f->head);
  g_free (f->cause);
  g_free (f->error);
  g_free (f->area);
  gest_test_tmpdir_free (f->dir);
}

static GestComplaintIntake
phone_intake (Fixture *f)
{
  GestComplaintIntake intake = {
    .kind = GEST_COMPLAINT_KIND_COMPLAINT,
    .channel = GEST_COMPLAINT_CHANNEL_PHONE,
    .customer_uuid = "cust-1",
    .plan_uuid = "plan-1",
    .complainant_name = "María Pérez López",
    .complainant_role = "Titular",
    .summary = "Le cobraron dos veces la cuota de noviembre.",
    .responsible_uuid = f->analyst,
  };
  return intake;
}

static char *
create (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GestComplaintIntake intake = phone_intake (f);
  char *uuid = NULL;

  g_assert_true (gest_complaint_create (f->store, &intake, &uuid, NULL, &error));
  g_assert_no_error (error);
  return uuid;
}

static GestComplaint *
load (Fixture    *f,
      const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GestComplaint *complaint = gest_complaint_load (f->store, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  return complaint;
}

static void
assert_refused (gboolean     ok,
                GError      *error,
                int          code,
                const char  *message)
{
  g_assert_false (ok);
  g_assert_error (error, GEST_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* The call first, then its error (an argument list has no order of evaluation). */
#define ASSERT_REFUSED(call, code, message) \
  G_STMT_START { gboolean ok_ = (call); assert_refused (ok_, error, code, message); } G_STMT_END

/* Assigned with a status, the "in process" message recorded (the letters' part), in
 * monitoring. */
static char *
create_in_monitoring (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *uuid = create (f);
  g_autofree char *sql = NULL;

  g_assert_true (gest_complaint_assign (f->store, uuid, f->analyst, "pr", "Luis Gómez", "Ana Ruiz", &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE complaints SET in_process_sent_at = 1, in_process_channel = 'phone'"
                         " WHERE uuid = '%s'", uuid);
  exec_sql (f->store, sql);
  g_assert_true (gest_complaint_move (f->store, uuid, GEST_COMPLAINT_MONITORING, NULL, &error));
  g_assert_no_error (error);
  return uuid;
}

/* Solution approved by the head, answer sent, back to the analyst. */
static char *
create_answered (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *uuid = create_in_monitoring (f);

  g_assert_true (gest_complaint_set_solution (f->store, uuid, "Se reembolsa la cuota cobrada de más.", &error));
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_true (gest_complaint_approve_solution (f->store, uuid, &error));
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  gest_complaint_record_answer_sent (f->store, uuid, NULL, "Cobranza", "email", &error);
  g_assert_no_error (error);
  return uuid;
}

static void
test_intake_check (Fixture       *f,
                   gconstpointer  data)
{
  GestComplaintIntake intake = phone_intake (f);
  g_autofree char *ok = gest_complaint_intake_check (&intake);
  char *message;

  g_assert_null (ok);
  intake.complainant_name = "  ";
  message = gest_complaint_intake_check (&intake);
  g_assert_cmpstr (message, ==, "Write the name of the person who complains.");
  g_free (message);

  intake = phone_intake (f);
  intake.summary = "";
  message = gest_complaint_intake_check (&intake);
  g_assert_cmpstr (message, ==, "Write a summary of what the customer says.");
  g_free (message);

  intake = phone_intake (f);
  intake.channel = GEST_COMPLAINT_CHANNEL_WRITING;
  message = gest_complaint_intake_check (&intake);
  g_assert_cmpstr (message, ==, "A complaint in writing needs the customer’s letter: attach its scan.");
  g_free (message);

  intake = phone_intake (f);
  intake.customer_uuid = NULL;
  message = gest_complaint_intake_check (&intake);
  g_assert_cmpstr (message, ==, "Choose the customer: search for them, or create them if they are new.");
  g_free (message);

  intake = phone_intake (f);
  intake.responsible_uuid = "";
  message = gest_complaint_intake_check (&intake);
  g_assert_cmpstr (message, ==, "Choose the primary responsible: an active user of the dealership.");
  g_free (message);
}

static void
test_intake_creates (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *expected = NULL;
  GestComplaintIntake intake = phone_intake (f);
  GestActivityEntry *entry;
  GDate today;

  g_assert_true (gest_complaint_create (f->store, &intake, &uuid, &folio, &error));
  g_assert_no_error (error);
  gest_date_today (&today);
  expected = g_strdup_printf ("QJA-%d-000001", g_date_get_year (&today));
  g_assert_cmpstr (folio, ==, expected);

  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_RECEIVED);
  g_assert_cmpstr (q->customer_name, ==, "María Pérez López");
  g_assert_cmpstr (q->plan_number, ==, "PL-1048");
  g_assert_cmpstr (q->complainant_role, ==, "Titular");
  g_assert_cmpstr (q->responsible_name, ==, "Test cs-analyst");
  /* The intake is the day's first entry (Q7). */
  g_assert_nonnull (q->last_log_day);

  log = gest_activity_log_list (f->store, uuid, &error);
  g_assert_cmpuint (log->len, ==, 1);
  entry = g_ptr_array_index (log, 0);
  g_assert_cmpint (entry->kind, ==, GEST_ACTIVITY_CALL);
  g_assert_cmpstr (entry->contact_name, ==, "María Pérez López");
  g_assert_cmpstr (entry->contact_role, ==, "Titular");
  g_free (expected);
  expected = g_strdup_printf ("Complaint %s registered (By phone) for María Pérez López: "
                              "“Le cobraron dos veces la cuota de noviembre.” Primary responsible: Test cs-analyst.",
                              folio);
  g_assert_cmpstr (entry->text, ==, expected);

  /* The plan of another customer is refused, and nothing is written. */
  intake.plan_uuid = "plan-2";
  ASSERT_REFUSED (gest_complaint_create (f->store, &intake, NULL, NULL, &error), GEST_ERROR_REFUSED,
                  "The plan chosen is not a plan of María Pérez López. Choose one of the customer’s plans, or none.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM complaints"), ==, 1);
}

static void
test_intake_in_writing (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *scan = g_build_filename (f->dir, "carta.pdf", NULL);
  GestComplaintIntake intake = phone_intake (f);

  g_assert_true (g_file_set_contents (scan, "%PDF-1.4 carta escaneada", -1, NULL));
  intake.channel = GEST_COMPLAINT_CHANNEL_WRITING;
  intake.kind = GEST_COMPLAINT_KIND_CLAIM;
  intake.letter_path = scan;
  g_assert_true (gest_complaint_create (f->store, &intake, &uuid, NULL, &error));
  g_assert_no_error (error);
  q = load (f, uuid);
  g_assert_cmpint (q->kind, ==, GEST_COMPLAINT_KIND_CLAIM);
  g_assert_nonnull (q->letter_document_uuid);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM documents WHERE kind = 'customer-letter'"
                                        " AND record_uuid = (SELECT uuid FROM complaints)"), ==, 1);
}

static void
test_assign_needs_active_user (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = create (f);
  g_autofree char *expected = NULL;

  exec_sql (f->store,
            "INSERT INTO users (uuid, login, name, role, active) VALUES ('gone', 'gone', 'Pedro Salas', 'cs-analyst', 0)");
  ASSERT_REFUSED (gest_complaint_assign (f->store, uuid, "gone", "OG", "", "", &error), GEST_ERROR_REFUSED,
                  "Pedro Salas is no longer an active user and cannot be the responsible. Choose an active user.");
  g_clear_error (&error);
  q = load (f, uuid);
  expected = g_strdup_printf ("Choose the document’s status for case %s: OG, AA, AN, PR or PN.", q->folio);
  ASSERT_REFUSED (gest_complaint_assign (f->store, uuid, f->analyst, "XX", "", "", &error), GEST_ERROR_INVALID,
                  expected);
  g_clear_error (&error);
  g_clear_pointer (&q, gest_complaint_free);
  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_RECEIVED);
  g_clear_pointer (&q, gest_complaint_free);

  g_assert_true (gest_complaint_assign (f->store, uuid, f->head, "aa", "Luis Gómez", "Ana Ruiz", &error));
  g_assert_no_error (error);
  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_ASSIGNED);
  g_assert_cmpstr (q->document_status, ==, "AA");
  g_assert_cmpstr (q->responsible_name, ==, "Test cs-head");
  g_assert_cmpstr (q->advisor_name, ==, "Luis Gómez");
}

static void
test_monitoring_needs_message (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = create (f);
  g_autofree char *expected = NULL;

  q = load (f, uuid);
  expected = g_strdup_printf ("Case %s cannot move to “Monitoring” yet: it needs the assignment with the document status"
                              " and the “in process” message sent to the customer.", q->folio);
  ASSERT_REFUSED (gest_complaint_move (f->store, uuid, GEST_COMPLAINT_MONITORING, NULL, &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);

  g_assert_true (gest_complaint_assign (f->store, uuid, f->analyst, "OG", "", "", &error));
  g_free (expected);
  expected = g_strdup_printf ("Case %s cannot move to “Monitoring” yet: it needs the “in process” message sent to the customer.",
                              q->folio);
  ASSERT_REFUSED (gest_complaint_move (f->store, uuid, GEST_COMPLAINT_MONITORING, NULL, &error),
                  GEST_ERROR_REFUSED, expected);
}

static void
test_log_of_the_day (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *uuid = create (f);
  GestActivityEntry *entry;

  exec_sql (f->store, "UPDATE complaints SET last_log_at = 1, last_log_day = '2020-01-01'");
  ASSERT_REFUSED (gest_complaint_add_log (f->store, uuid, GEST_COMPLAINT_LOG_FOLLOW_UP, "Revisan el cargo.",
                                          "", NULL, &error), GEST_ERROR_INVALID,
                  "Write the area or person followed up with.");
  g_clear_error (&error);
  g_assert_true (gest_complaint_add_log (f->store, uuid, GEST_COMPLAINT_LOG_FOLLOW_UP, "Revisan el cargo.",
                                         "Cobranza", "Área", &error));
  g_assert_no_error (error);
  q = load (f, uuid);
  g_assert_cmpstr (q->last_log_day, !=, "2020-01-01");
  g_assert_cmpint (q->last_log_at, >, 1);
  log = gest_activity_log_list (f->store, uuid, &error);
  entry = g_ptr_array_index (log, log->len - 1);
  g_assert_cmpint (entry->kind, ==, GEST_ACTIVITY_NOTE);
  g_assert_cmpstr (entry->text, ==, "Revisan el cargo.");
  g_assert_cmpstr (entry->contact_name, ==, "Cobranza");
}

static void
test_approval_by_role (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = create_in_monitoring (f);

  g_assert_true (gest_complaint_set_solution (f->store, uuid, "Se reembolsa la cuota.", &error));
  ASSERT_REFUSED (gest_complaint_approve_solution (f->store, uuid, &error), GEST_ERROR_PERMISSION,
                  "Test cs-analyst (Customer service analyst) cannot approve the solution of a complaint: "
                  "it is for General manager, Head of customer service. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  q = load (f, uuid);
  g_assert_cmpint (q->solution_approved_at, ==, 0);
  g_clear_pointer (&q, gest_complaint_free);

  gest_test_sign_in (f->store, GEST_ROLE_GENERAL_MANAGER);
  g_assert_true (gest_complaint_approve_solution (f->store, uuid, &error));
  g_assert_no_error (error);
  q = load (f, uuid);
  g_assert_cmpint (q->solution_approved_at, >, 0);
  g_assert_cmpstr (q->solution_approved_by_name, ==, "Test general-manager");
  g_clear_pointer (&q, gest_complaint_free);

  /* Editing the solution withdraws the approval. */
  g_assert_true (gest_complaint_set_solution (f->store, uuid, "Se reembolsa la cuota y los intereses.", &error));
  q = load (f, uuid);
  g_assert_cmpint (q->solution_approved_at, ==, 0);
}

static void
test_answer_needs_approval (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = create_in_monitoring (f);
  g_autofree char *expected = NULL;

  g_assert_true (gest_complaint_set_solution (f->store, uuid, "Se reembolsa la cuota.", &error));
  q = load (f, uuid);
  expected = g_strdup_printf ("The answer letter of case %s cannot go out before the head of customer service "
                              "approves the solution. Ask for the approval first.", q->folio);
  ASSERT_REFUSED (gest_complaint_record_answer_sent (f->store, uuid, NULL, "", "print", &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);
  g_free (expected);
  expected = g_strdup_printf ("Case %s cannot move to “Answer sent” yet: it needs the head’s approval of the solution"
                              " and the answer letter sent.", q->folio);
  ASSERT_REFUSED (gest_complaint_move (f->store, uuid, GEST_COMPLAINT_ANSWERED, NULL, &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);
  g_clear_pointer (&q, gest_complaint_free);

  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_true (gest_complaint_approve_solution (f->store, uuid, &error));
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  g_assert_true (gest_complaint_record_answer_sent (f->store, uuid, NULL, "Cobranza, Ventas", "email", &error));
  g_assert_no_error (error);
  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_ANSWERED);
  g_assert_cmpint (q->answer_sent_at, >, 0);
}

static void
test_close_needs_call (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = create_answered (f);
  g_autofree char *expected = NULL;

  q = load (f, uuid);
  expected = g_strdup_printf ("Case %s cannot be closed yet: it needs the call in which the customer accepts the solution.",
                              q->folio);
  ASSERT_REFUSED (gest_complaint_close (f->store, uuid, f->cause, f->error, f->area, &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);

  /* A call where the customer does not accept is logged but does not open the closure. */
  g_assert_true (gest_complaint_record_acceptance_call (f->store, uuid, FALSE, "Quiere también los intereses.", &error));
  ASSERT_REFUSED (gest_complaint_close (f->store, uuid, f->cause, f->error, f->area, &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);

  g_assert_true (gest_complaint_record_acceptance_call (f->store, uuid, TRUE, "Acepta el reembolso.", &error));
  g_assert_true (gest_complaint_close (f->store, uuid, f->cause, f->error, f->area, &error));
  g_assert_no_error (error);
  g_clear_pointer (&q, gest_complaint_free);
  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_CLOSED);
  g_assert_cmpint (q->closed_at, >, 0);
  g_assert_cmpstr (q->cause_label, ==, "Cobro indebido");
  g_assert_cmpstr (q->error_label, ==, "Error de captura");
  g_assert_cmpstr (q->area_label, ==, "Cobranza");
}

static void
test_close_needs_cause_error_area (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = create_answered (f);
  g_autofree char *expected = NULL;

  g_assert_true (gest_complaint_record_acceptance_call (f->store, uuid, TRUE, NULL, &error));
  q = load (f, uuid);
  expected = g_strdup_printf ("Case %s cannot be closed yet: it needs the cause, the error and the responsible area.",
                              q->folio);
  ASSERT_REFUSED (gest_complaint_close (f->store, uuid, NULL, "", NULL, &error), GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);
  g_free (expected);
  expected = g_strdup_printf ("Case %s cannot be closed yet: it needs the responsible area.", q->folio);
  ASSERT_REFUSED (gest_complaint_close (f->store, uuid, f->cause, f->error, NULL, &error), GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);

  /* An entry the head retired is refused. */
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_assert_true (gest_complaint_catalog_set (f->store, f->error, "Error de captura", FALSE, &error));
  gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  ASSERT_REFUSED (gest_complaint_close (f->store, uuid, f->cause, f->error, f->area, &error), GEST_ERROR_REFUSED,
                  "The error “Error de captura” is no longer active in the catalog. Choose an active one.");
  g_clear_error (&error);
  /* A cause given as the area is refused. */
  ASSERT_REFUSED (gest_complaint_close (f->store, uuid, f->cause, f->cause, f->area, &error), GEST_ERROR_REFUSED,
                  "The error chosen is not in the catalog of the error. Choose one from the list.");
  g_clear_pointer (&q, gest_complaint_free);
  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_ANSWERED);
  g_assert_null (q->cause_uuid);
}

static void
test_reopen_and_back_need_reason (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = create_answered (f);
  g_autofree char *expected = NULL;

  q = load (f, uuid);
  expected = g_strdup_printf ("Moving case %s back from “Answer sent” to “Negotiation” needs a reason: "
                              "write why (it is recorded in the log).", q->folio);
  ASSERT_REFUSED (gest_complaint_move (f->store, uuid, GEST_COMPLAINT_NEGOTIATION, "  ", &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);

  g_assert_true (gest_complaint_record_acceptance_call (f->store, uuid, TRUE, NULL, &error));
  g_assert_true (gest_complaint_close (f->store, uuid, f->cause, f->error, f->area, &error));
  g_free (expected);
  expected = g_strdup_printf ("Case %s is closed: reopen it with a reason to work on it again.", q->folio);
  ASSERT_REFUSED (gest_complaint_move (f->store, uuid, GEST_COMPLAINT_MONITORING, "x", &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);
  /* Reopening is the head's. */
  ASSERT_REFUSED (gest_complaint_reopen (f->store, uuid, "Volvió a llamar", &error), GEST_ERROR_PERMISSION,
                  "Test cs-analyst (Customer service analyst) cannot reopen closed complaints: "
                  "it is for General manager, Head of customer service. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  g_free (expected);
  expected = g_strdup_printf ("Reopening case %s needs a reason: write why (it is recorded in the log).", q->folio);
  ASSERT_REFUSED (gest_complaint_reopen (f->store, uuid, "", &error), GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);
  g_assert_true (gest_complaint_reopen (f->store, uuid, "Volvió a llamar: el reembolso no llegó.", &error));
  g_assert_no_error (error);
  g_clear_pointer (&q, gest_complaint_free);
  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_MONITORING);
  g_assert_cmpint (q->closed_at, ==, 0);
  g_assert_cmpint (q->acceptance_call_at, ==, 0);
  g_assert_cmpint (q->reopened_count, ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM complaint_sla_events WHERE kind = 'reopen'"), ==, 1);
}

static void
test_annulment_path (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autofree char *uuid = create_answered (f);
  g_autofree char *expected = NULL;

  q = load (f, uuid);
  g_assert_true (gest_complaint_link_annulment (f->store, uuid, "anu-1", &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("Case %s cannot move to “Annulment” yet: it needs the call in which the customer accepts the solution,"
                              " the cause, the error and the responsible area.", q->folio);
  ASSERT_REFUSED (gest_complaint_move (f->store, uuid, GEST_COMPLAINT_ANNULMENT, NULL, &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);
  g_free (expected);
  expected = g_strdup_printf ("Case %s cannot close with its annulment yet: record its closure first (the head’s approval, "
                              "the answer letter, the accepting call, and the cause, error and area) so that it waits at "
                              "“Annulment”.", q->folio);
  ASSERT_REFUSED (gest_complaint_annulment_filed (f->store, uuid, "ANU-2026-000001", &error),
                  GEST_ERROR_REFUSED, expected);
  g_clear_error (&error);

  /* The closure of a case that ends in an annulment waits for the filing. */
  g_assert_true (gest_complaint_record_acceptance_call (f->store, uuid, TRUE, NULL, &error));
  g_assert_true (gest_complaint_close (f->store, uuid, f->cause, f->error, f->area, &error));
  g_assert_no_error (error);
  g_clear_pointer (&q, gest_complaint_free);
  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_ANNULMENT);
  g_assert_cmpint (q->closed_at, ==, 0);
  g_assert_true (gest_complaint_annulment_filed (f->store, uuid, "ANU-2026-000001", &error));
  g_assert_no_error (error);
  g_clear_pointer (&q, gest_complaint_free);
  q = load (f, uuid);
  g_assert_cmpint (q->stage, ==, GEST_COMPLAINT_CLOSED);
  g_assert_cmpint (q->closed_at, >, 0);
}

static void
test_tasks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) of_case = NULL;
  g_autofree char *uuid = create (f);
  g_autofree char *task = NULL;
  GestComplaintTask *t;
  GDate due;

  gest_date_today (&due);
  g_date_subtract_days (&due, 1);
  g_assert_false (gest_complaint_add_task (f->store, uuid, f->head, "Revisar el cargo", &due, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);
  g_date_add_days (&due, 3);
  g_assert_true (gest_complaint_add_task (f->store, uuid, f->head, "Revisar el cargo", &due, &task, &error));
  g_assert_no_error (error);
  mine = gest_complaint_list_tasks (f->store, NULL, f->head, &error);
  g_assert_cmpuint (mine->len, ==, 1);
  t = g_ptr_array_index (mine, 0);
  g_assert_cmpstr (t->assignee_name, ==, "Test cs-head");
  g_assert_cmpint (g_date_compare (&t->due, &due), ==, 0);
  g_assert_true (gest_complaint_task_done (f->store, task, &error));
  g_assert_no_error (error);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = gest_complaint_list_tasks (f->store, NULL, f->head, &error);
  g_assert_cmpuint (mine->len, ==, 0);
  of_case = gest_complaint_list_tasks (f->store, uuid, NULL, &error);
  g_assert_cmpuint (of_case->len, ==, 1);
  t = g_ptr_array_index (of_case, 0);
  g_assert_cmpint (t->done_at, >, 0);
  g_assert_cmpstr (t->done_by_name, ==, "Test cs-analyst");
}

static void
test_catalogs_by_head (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) causes = NULL;

  ASSERT_REFUSED (gest_complaint_catalog_add (f->store, "cause", "Demora", NULL, &error), GEST_ERROR_PERMISSION,
                  "Test cs-analyst (Customer service analyst) cannot maintain the causes, errors and areas of complaints: "
                  "it is for General manager, Head of customer service. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  gest_test_sign_in (f->store, GEST_ROLE_CS_HEAD);
  ASSERT_REFUSED (gest_complaint_catalog_add (f->store, "cause", " Cobro indebido ", NULL, &error),
                  GEST_ERROR_REFUSED,
                  "There is already a cause “Cobro indebido” in the catalog. Use that one, or choose another name.");
  g_clear_error (&error);
  g_assert_true (gest_complaint_catalog_add (f->store, "cause", "Demora en la entrega", NULL, &error));
  g_assert_true (gest_complaint_catalog_set (f->store, f->cause, "Cobro indebido", FALSE, &error));
  causes = gest_complaint_catalog_list (f->store, "cause", FALSE, &error);
  g_assert_cmpuint (causes->len, ==, 1);
  g_clear_pointer (&causes, g_ptr_array_unref);
  causes = gest_complaint_catalog_list (f->store, "cause", TRUE, &error);
  g_assert_cmpuint (causes->len, ==, 2);
}

static void
test_sync_and_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *uuid = create (f);

  /* The outbox carries the case, the catalog entries, and their changes. */
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM sync_outbox WHERE entity = 'complaint' AND op = 'upsert'"
                                        " AND json_extract (fields, '$.complainant_name') = 'María Pérez López'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM sync_outbox WHERE entity = 'complaint_catalog'"), ==, 3);
  /* Found by the customer's name, and again after the customer is renamed. */
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM search_index WHERE kind = 'complaint'"
                                        " AND search_index MATCH '\"Pérez\"*'"), ==, 1);
  exec_sql (f->store, "UPDATE customers SET name = 'María Pérez de Lara' WHERE uuid = 'cust-1'");
  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM search_index WHERE kind = 'complaint'"
                                        " AND search_index MATCH '\"Lara\"*'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/complaints/Q5/intake-check", test_intake_check);
  ADD ("/complaints/Q5/intake-creates-folio-and-log", test_intake_creates);
  ADD ("/complaints/Q5/intake-in-writing-keeps-the-letter", test_intake_in_writing);
  ADD ("/complaints/Q6/assign-needs-active-responsible", test_assign_needs_active_user);
  ADD ("/complaints/Q6/monitoring-needs-in-process-message", test_monitoring_needs_message);
  ADD ("/complaints/Q6/tasks-visible-to-assignee", test_tasks);
  ADD ("/complaints/Q7/log-entry-moves-last-day", test_log_of_the_day);
  ADD ("/complaints/Q8/approval-only-by-head", test_approval_by_role);
  ADD ("/complaints/Q8/answer-needs-approval", test_answer_needs_approval);
  ADD ("/complaints/Q9/close-needs-accepting-call", test_close_needs_call);
  ADD ("/complaints/Q10/close-needs-cause-error-area", test_close_needs_cause_error_area);
  ADD ("/complaints/Q10/catalogs-by-head", test_catalogs_by_head);
  ADD ("/complaints/reopen-and-move-back-need-reason", test_reopen_and_back_need_reason);
  ADD ("/complaints/Q12/annulment-stage-and-filing", test_annulment_path);
  ADD ("/complaints/sync/outbox-and-search", test_sync_and_search);
  return g_test_run ();
}
