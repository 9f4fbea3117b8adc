/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13: the complaint's workflow table (src/complaints/gest-complaint-workflow.c) as
 * gestiona-server uses it: a synced move refused for what its stage lacks with the desktop's
 * sentence (Q8, Q9, Q10, Q12), moves back and the reopening let through, and the permission a
 * change needs (the head's approval only by the roles allowed, Q8). Links the server's library
 * and nothing of the desktop. */
#include "config.h"

#include <locale.h>

#include "gest-complaint-workflow.h"
#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-server-rules.h"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
check (const char *current_json,
       const char *fields_json)
{
  g_auto(GestRecordState) current = { 0 };
  g_autoptr(JsonObject) fields = parse_object (fields_json);

  current.exists = current_json != NULL;
  if (current_json != NULL)
    current.data = parse_object (current_json);
  return gest_server_check_mutation ("complaint", FALSE, fields, &current);
}

static void
test_server_stage_rules (void)
{
  char *message;

  g_assert_true (gest_server_entity_known ("complaint"));
  g_assert_true (gest_server_entity_known ("complaint_task"));
  g_assert_true (gest_server_entity_known ("complaint_catalog"));
  g_assert_true (gest_server_entity_known ("complaint_sla_event"));

  /* Q8: answered without the approval. */
  message = check ("{\"folio\": \"QJA-2026-000007\", \"stage\": 3, \"document_status\": \"PR\","
                   " \"in_process_sent_at\": 1}",
                   "{\"stage\": 4, \"answer_sent_at\": 5}");
  g_assert_cmpstr (message, ==, "Case QJA-2026-000007 cannot move to “Answer sent” yet: it needs the head’s approval of the solution.");
  g_free (message);
  message = check ("{\"folio\": \"QJA-2026-000007\", \"stage\": 3, \"document_status\": \"PR\","
                   " \"in_process_sent_at\": 1, \"solution_approved_at\": 3}",
                   "{\"stage\": 4, \"answer_sent_at\": 5}");
  g_assert_null (message);

  /* Q9, Q10: closed without the call and the area. */
  message = check ("{\"folio\": \"QJA-2026-000007\", \"stage\": 4, \"document_status\": \"PR\","
                   " \"in_process_sent_at\": 1, \"solution_approved_at\": 3, \"answer_sent_at\": 5}",
                   "{\"stage\": 6, \"cause_uuid\": \"c\", \"error_uuid\": \"e\"}");
  g_assert_cmpstr (message, ==, "Case QJA-2026-000007 cannot move to “Closed” yet: it needs the call in which the customer accepts the solution and the responsible area.");
  g_free (message);

  /* Q12: a case that ends in an annulment closes from "annulment" only. */
  message = check ("{\"folio\": \"QJA-2026-000007\", \"stage\": 4, \"document_status\": \"PR\","
                   " \"in_process_sent_at\": 1, \"solution_approved_at\": 3, \"answer_sent_at\": 5,"
                   " \"acceptance_call_at\": 6, \"annulment_uuid\": \"a\"}",
                   "{\"stage\": 6, \"cause_uuid\": \"c\", \"error_uuid\": \"e\", \"area_uuid\": \"r\"}");
  g_assert_cmpstr (message, ==, "Case QJA-2026-000007 ends in an annulment: it closes when its annulment is filed.");
  g_free (message);

  /* Back a stage, and a reopening, pass; a closed case goes nowhere else. */
  message = check ("{\"folio\": \"QJA-2026-000007\", \"stage\": 4}", "{\"stage\": 3}");
  g_assert_null (message);
  message = check ("{\"folio\": \"QJA-2026-000007\", \"stage\": 6}", "{\"stage\": 2, \"closed_at\": null}");
  g_assert_null (message);
  message = check ("{\"folio\": \"QJA-2026-000007\", \"stage\": 6}", "{\"stage\": 3}");
  g_assert_cmpstr (message, ==, "Case QJA-2026-000007 is closed: a reopening takes it to “Monitoring”.");
  g_free (message);
}

static void
test_permissions (void)
{
  g_autoptr(GError) error = NULL;
  const GestPermission *rows;
  guint n;

  rows = gest_complaint_permissions_get (&n);
  gest_permissions_add (rows, n);
  g_assert_cmpstr (gest_complaint_workflow_field_permission ("solution_approved_at"), ==, "complaints.approve");
  g_assert_cmpstr (gest_complaint_workflow_field_permission ("cause_uuid"), ==, "complaints.close");
  g_assert_cmpstr (gest_complaint_workflow_field_permission ("summary"), ==, "complaints.work");
  g_assert_null (gest_complaint_workflow_field_permission ("sla_state"));
  g_assert_cmpstr (gest_complaint_workflow_move_permission (6, 2), ==, "complaints.reopen");
  g_assert_cmpstr (gest_complaint_workflow_move_permission (4, 3), ==, "complaints.step-back");

  /* Q8: only the head of customer service and the general manager approve. */
  g_assert_true (gest_permission_allows (GEST_ROLE_CS_HEAD, "complaints.approve"));
  g_assert_true (gest_permission_allows (GEST_ROLE_GENERAL_MANAGER, "complaints.approve"));
  g_assert_false (gest_permission_allows (GEST_ROLE_CS_COORDINATOR, "complaints.approve"));
  g_assert_false (gest_permission_check (GEST_ROLE_CS_ANALYST, "Laura Méndez Ortiz", "complaints.approve", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "Laura Méndez Ortiz (Customer service analyst) cannot approve the solution of a complaint: "
                   "it is for General manager, Head of customer service. Ask one of them, or sign in as one.");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/complaints/Q8-Q12/server-stage-rules", test_server_stage_rules);
  g_test_add_func ("/complaints/Q8/server-permissions-by-role", test_permissions);
  return g_test_run ();
}
