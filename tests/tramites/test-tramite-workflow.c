/* SPDX-License-Identifier: GPL-3.0-or-later */
/* T6, T7: one workflow table (src/tramites/gest-tramite-workflow.c), two rule sets made from
 * it: the desktop's (gest-tramite-rules.c) and gestiona-server's (gest-server-rules.c). This
 * program links both (the server's library and the desktop's rules file, nothing else of the
 * desktop) and asks them about every move of every checklist: they allow and refuse the same
 * moves, and a move refused for what it lacks gets the same sentence from both, in English and
 * in Spanish. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-error.h"
#include "gest-i18n.h"
#include "gest-server-rules.h"
#include "gest-tramite-rules.h"
#include "gest-tramite-workflow.h"

#define N_CHECKLISTS (1 << 7)

/* The table's requirements, in its order, are these fields of the trámite. */
static const char * const fields_in_order[] = {
  "payment_amount", "payment_proof_uuid", "docs_sent_at", "insurance_cancelled_at",
  "invoice_released_at", "invoice_delivered_at", "ack_returned_at",
};

/* Checklist number @bits: bit i set when the table's requirement i is met. */
static GestTramiteChecklist
checklist_from_bits (guint bits)
{
  GestTramiteChecklist c = { 0 };

  c.payment_received = (bits & (1 << 0)) != 0;
  c.payment_proof = (bits & (1 << 1)) != 0;
  c.docs_sent = (bits & (1 << 2)) != 0;
  c.insurance_cancelled = (bits & (1 << 3)) != 0;
  c.invoice_released = (bits & (1 << 4)) != 0;
  c.invoice_delivered = (bits & (1 << 5)) != 0;
  c.ack_returned = (bits & (1 << 6)) != 0;
  return c;
}

/* The same trámite as the server stores it: at @step, with the fields of checklist @bits set
 * (and the others null, as a cleared field is). */
static void
state_from_bits (GestRecordState *state,
                 int              step,
                 guint            bits)
{
  const GestWorkflow *workflow = gest_tramite_workflow_get ();

  state->exists = TRUE;
  state->version = 1;
  state->data = json_object_new ();
  state->field_versions = json_object_new ();
  json_object_set_int_member (state->data, "step", step);
  for (guint i = 0; i < workflow->n_requirements; i++)
    {
      if (bits & (1u << i))
        json_object_set_int_member (state->data, workflow->requirements[i].id, 1764547200000000);
      else
        json_object_set_null_member (state->data, workflow->requirements[i].id);
    }
}

/* What the server says about a push of {"step": @to} onto @state. */
static char *
server_push_step (GestRecordState *state,
                  int              to)
{
  g_autoptr(JsonObject) fields = json_object_new ();

  json_object_set_int_member (fields, "step", to);
  return gest_server_check_mutation ("tramite", FALSE, fields, state);
}

static void
test_table_is_the_contract (void)
{
  const GestWorkflow *workflow = gest_tramite_workflow_get ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_workflow_validate (workflow, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (workflow->n_steps, ==, GEST_TRAMITE_N_STEPS);
  /* The server reads requirements as these fields; the desktop's checklist has them in order. */
  g_assert_cmpuint (workflow->n_requirements, ==, G_N_ELEMENTS (fields_in_order));
  for (guint i = 0; i < workflow->n_requirements; i++)
    g_assert_cmpstr (workflow->requirements[i].id, ==, fields_in_order[i]);
  for (int step = 1; step <= GEST_TRAMITE_N_STEPS; step++)
    {
      g_assert_cmpstr (gest_tramite_step_title (step), ==, gest_workflow_step_title (workflow, step));
      g_assert_cmpint (gest_tramite_step_is_conauto (step), ==,
                       g_str_equal (gest_workflow_step_owner (workflow, step), GEST_TRAMITE_WORKFLOW_CONAUTO));
    }
}

/* T6, T7: a dealer's move, on the desktop and pushed to the server, for every pair of steps and
 * every checklist: the same verdict; refused for what is missing, the same sentence, the one
 * the table makes. */
static void
test_dealer_moves_agree (void)
{
  guint allowed = 0, refused_missing = 0, refused_other = 0;

  for (int from = 1; from <= GEST_TRAMITE_N_STEPS; from++)
    for (int to = 1; to <= GEST_TRAMITE_N_STEPS; to++)
      for (guint bits = 0; bits < N_CHECKLISTS; bits++)
        {
          GestTramiteChecklist checklist = checklist_from_bits (bits);
          g_auto(GestRecordState) state = { 0, };
          g_autoptr(GError) error = NULL;
          g_autofree char *server = NULL;
          g_autofree char *missing = NULL;
          g_autoptr(GPtrArray) needs = NULL;
          gboolean desktop_ok;

          if (from == to)   /* the server takes the step sent unchanged along with other fields */
            continue;

          state_from_bits (&state, from, bits);
          server = server_push_step (&state, to);
          desktop_ok = gest_tramite_rules_check_move (&checklist, from, to, GEST_TRAMITE_ACTOR_DEALER, &error);

          if (desktop_ok != (server == NULL))
            g_error ("%d → %d, checklist %02x: the desktop says “%s”, the server “%s”",
                     from, to, bits, desktop_ok ? "yes" : error->message, server != NULL ? server : "yes");
          if (desktop_ok)
            {
              allowed++;
              continue;
            }
          g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);

          /* The table's own sentence for what @to needs and this checklist lacks. */
          needs = gest_tramite_rules_missing_for_step (&checklist, to);
          if (needs->len > 0 && g_str_has_prefix (error->message, "Step "))
            {
              g_autofree char *list = NULL;

              g_ptr_array_add (needs, NULL);
              list = g_strjoinv ("; ", (char **) needs->pdata);
              missing = g_strdup_printf ("Step %d needs: %s.", to, list);
              g_assert_cmpstr (error->message, ==, missing);
              g_assert_cmpstr (server, ==, missing);
              refused_missing++;
            }
          else
            {
              /* Who moves or how far: each side words it for its reader (the server checks
               * who before how far, the desktop how far before who). A move of one step is
               * refused by both because the step is Conauto's. */
              g_assert_null (strstr (server, " needs: "));
              if (ABS (to - from) == 1)
                {
                  g_assert_nonnull (strstr (error->message, "are Conauto’s"));
                  g_assert_nonnull (strstr (server, "Conauto's"));
                }
              else
                {
                  g_assert_nonnull (strstr (error->message, "one step at a time"));
                  g_assert_true (strstr (server, "one step at a time") != NULL || strstr (server, "Conauto's") != NULL);
                }
              refused_other++;
            }
        }

  /* Every kind of verdict was met, so the comparison above covered each. */
  g_assert_cmpuint (allowed, >, 0);
  g_assert_cmpuint (refused_missing, >, 0);
  g_assert_cmpuint (refused_other, >, 0);
  g_test_message ("%u allowed, %u refused for what is missing, %u for who or how far",
                  allowed, refused_missing, refused_other);
}

/* T6: what each step needs, the same list from both, for every checklist. */
static void
test_missing_agrees (void)
{
  for (int step = 1; step <= GEST_TRAMITE_N_STEPS; step++)
    for (guint bits = 0; bits < N_CHECKLISTS; bits++)
      {
        GestTramiteChecklist checklist = checklist_from_bits (bits);
        g_auto(GestRecordState) state = { 0, };
        g_autoptr(GPtrArray) needs = gest_tramite_rules_missing_for_step (&checklist, step);
        g_autofree char *server = NULL;

        state_from_bits (&state, 2, bits);
        server = gest_server_tramite_missing (NULL, &state, step);
        if (needs->len == 0)
          {
            g_assert_null (server);
          }
        else
          {
            g_autofree char *list = NULL;
            g_autofree char *expected = NULL;

            g_ptr_array_add (needs, NULL);
            list = g_strjoinv ("; ", (char **) needs->pdata);
            expected = g_strdup_printf ("Step %d needs: %s.", step, list);
            g_assert_cmpstr (server, ==, expected);
          }
      }
}

/* T7: the moves Conauto makes forward (the server's `admin advance`) are the Conauto actor's
 * forward moves on the desktop. */
static void
test_conauto_moves_agree (void)
{
  GestTramiteChecklist full = checklist_from_bits (N_CHECKLISTS - 1);

  for (int from = 1; from < GEST_TRAMITE_N_STEPS; from++)
    {
      g_autofree char *server = gest_server_check_conauto_step (from, from + 1);
      gboolean desktop_ok = gest_tramite_rules_check_move (&full, from, from + 1, GEST_TRAMITE_ACTOR_CONAUTO, NULL);

      g_assert_cmpint (desktop_ok, ==, server == NULL);
    }
}

/* The same refusal, translated the same, from both (X6). */
static void
test_spanish (void)
{
  GestTramiteChecklist checklist = checklist_from_bits (1 << 0);   /* only the payment */
  g_auto(GestRecordState) state = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;

  if (setlocale (LC_ALL, "es_MX.UTF-8") == NULL)
    {
      g_test_skip ("the es_MX.UTF-8 locale is not installed (Debian package locales)");
      return;
    }
  g_setenv ("LC_ALL", "es_MX.UTF-8", TRUE);
  gest_i18n_init ();

  state_from_bits (&state, 3, 1 << 0);
  server = gest_server_tramite_missing (NULL, &state, 4);
  g_assert_false (gest_tramite_rules_check_move (&checklist, 3, 4, GEST_TRAMITE_ACTOR_CONAUTO, &error));

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (error->message, ==, server);
  g_assert_cmpstr (server, ==, "El paso 4 requiere: el comprobante de pago del cliente; los documentos enviados a Conauto.");
}

int
main (int    argc,
      char **argv)
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tramite-workflow/table-is-the-contract", test_table_is_the_contract);
  g_test_add_func ("/tramite-workflow/T6-T7/dealer-moves-agree", test_dealer_moves_agree);
  g_test_add_func ("/tramite-workflow/T6/missing-agrees", test_missing_agrees);
  g_test_add_func ("/tramite-workflow/T7/conauto-moves-agree", test_conauto_moves_agree);
  g_test_add_func ("/tramite-workflow/X6/spanish", test_spanish);

  return g_test_run ();
}
