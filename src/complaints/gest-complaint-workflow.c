/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-workflow.h"

static const char * const stage_ids[GEST_COMPLAINT_WORKFLOW_N_STAGES] = {
  "received", "assigned", "monitoring", "negotiation", "answered", "annulment", "closed",
};

/* The board's columns, in the words of the issue (Recibida, Asignada, En seguimiento,
 * Negociación, Respuesta enviada, Anulación, Cerrada). */
static const char * const stage_titles[GEST_COMPLAINT_WORKFLOW_N_STAGES] = {
  N_("Received"), N_("Assigned"), N_("Monitoring"), N_("Negotiation"), N_("Answer sent"),
  N_("Annulment"), N_("Closed"),
};

const char *
gest_complaint_workflow_stage_id (int stage)
{
  if (stage < 0 || stage >= GEST_COMPLAINT_WORKFLOW_N_STAGES)
    return NULL;
  return stage_ids[stage];
}

const char *
gest_complaint_workflow_stage_title (int stage)
{
  if (stage < 0 || stage >= GEST_COMPLAINT_WORKFLOW_N_STAGES)
    return NULL;
  return _(stage_titles[stage]);
}

int
gest_complaint_workflow_stage_from_id (const char *id)
{
  if (id == NULL)
    return -1;
  for (int i = 0; i < GEST_COMPLAINT_WORKFLOW_N_STAGES; i++)
    if (g_ascii_strcasecmp (id, stage_ids[i]) == 0)
      return i;
  return -1;
}

static void
need (GPtrArray  *missing,
      gboolean    have,
      const char *phrase)
{
  if (!have)
    g_ptr_array_add (missing, (gpointer) _(phrase));
}

GPtrArray *
gest_complaint_workflow_missing (const GestComplaintFacts *facts,
                                 int                       to)
{
  GPtrArray *missing = g_ptr_array_new ();

  g_return_val_if_fail (facts != NULL, missing);

  if (to >= 1)
    need (missing, facts->document_status, N_("the assignment with the document status"));
  if (to >= 2)
    need (missing, facts->in_process_sent, N_("the “in process” message sent to the customer"));
  if (to >= 4)
    {
      need (missing, facts->solution_approved, N_("the head’s approval of the solution"));
      need (missing, facts->answer_sent, N_("the answer letter sent"));
    }
  if (to >= GEST_COMPLAINT_WORKFLOW_ANNULMENT)
    {
      need (missing, facts->acceptance_call, N_("the call in which the customer accepts the solution"));
      need (missing, facts->cause, N_("the cause"));
      need (missing, facts->error, N_("the error"));
      need (missing, facts->area, N_("the responsible area"));
    }
  if (to == GEST_COMPLAINT_WORKFLOW_ANNULMENT)
    need (missing, facts->annulment, N_("a linked annulment"));
  return missing;
}

char *
gest_complaint_workflow_refusal (const GestComplaintFacts *facts,
                                 int                       to,
                                 const char               *reason,
                                 gboolean                  by_close)
{
  g_autoptr(GPtrArray) missing = NULL;
  const char *folio;

  g_return_val_if_fail (facts != NULL, NULL);

  folio = facts->folio != NULL ? facts->folio : "";
  if (to < 0 || to >= GEST_COMPLAINT_WORKFLOW_N_STAGES)
    return g_strdup_printf (_("There is no stage %d: stages go from 0 (Received) to 6 (Closed)."), to);
  if (to == facts->stage)
    return g_strdup_printf (_("Case %s is already at “%s”."), folio,
                            gest_complaint_workflow_stage_title (to));
  if (facts->stage == GEST_COMPLAINT_WORKFLOW_CLOSED)
    return g_strdup_printf (_("Case %s is closed: reopen it with a reason to work on it again."), folio);
  if (to < facts->stage)
    {
      g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));

      if (*clean == '\0')
        return g_strdup_printf (_("Moving case %s back from “%s” to “%s” needs a reason: write why (it is recorded in the log)."),
                                folio, gest_complaint_workflow_stage_title (facts->stage),
                                gest_complaint_workflow_stage_title (to));
      return NULL;
    }
  if (to == GEST_COMPLAINT_WORKFLOW_CLOSED && !by_close)
    return g_strdup_printf (_("Case %s closes with its cause, error and responsible area: use “Close case”."), folio);
  if (to == GEST_COMPLAINT_WORKFLOW_CLOSED && facts->annulment &&
      facts->stage != GEST_COMPLAINT_WORKFLOW_ANNULMENT)
    return g_strdup_printf (_("Case %s ends in an annulment: it closes when its annulment is filed."), folio);

  missing = gest_complaint_workflow_missing (facts, to);
  if (missing->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        {
          if (i > 0)
            g_string_append (list, i + 1 == missing->len ? _(" and ") : ", ");
          g_string_append (list, g_ptr_array_index (missing, i));
        }
      return g_strdup_printf (_("Case %s cannot move to “%s” yet: it needs %s."),
                              folio, gest_complaint_workflow_stage_title (to), list->str);
    }
  return NULL;
}

#define R(role) GEST_ROLE_BIT (GEST_ROLE_##role)
/* Customer service works the cases; the head (and the general manager) approve solutions,
 * reopen cases and keep the catalogs (Q8, Q10). */
#define CS_STAFF (R (GENERAL_MANAGER) | R (CS_ANALYST) | R (CS_HEAD) | R (CS_COORDINATOR))
#define CS_LEADS (R (GENERAL_MANAGER) | R (CS_HEAD))

static const GestPermission permissions[] = {
  { GEST_COMPLAINT_PERMISSION_REGISTER, N_("register complaints and claims"), CS_STAFF },
  { GEST_COMPLAINT_PERMISSION_WORK, N_("work on complaints (assign, log, move, answer)"), CS_STAFF },
  { GEST_COMPLAINT_PERMISSION_STEP_BACK, N_("move a complaint back a stage"), CS_STAFF },
  { GEST_COMPLAINT_PERMISSION_APPROVE, N_("approve the solution of a complaint"), CS_LEADS },
  { GEST_COMPLAINT_PERMISSION_CLOSE, N_("close complaints"), CS_STAFF },
  { GEST_COMPLAINT_PERMISSION_REOPEN, N_("reopen closed complaints"), CS_LEADS },
  { GEST_COMPLAINT_PERMISSION_TASKS, N_("assign the tasks of a complaint"), CS_STAFF },
  { GEST_COMPLAINT_PERMISSION_CATALOGS, N_("maintain the causes, errors and areas of complaints"), CS_LEADS },
  { GEST_COMPLAINT_PERMISSION_SETTINGS, N_("change the complaints’ SLA targets and letters"), CS_LEADS },
};

const GestPermission *
gest_complaint_permissions_get (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (permissions);
  return permissions;
}

/* The columns only the SLA clock writes (gest-complaint-sla.c). */
static const char * const sla_fields[] = {
  "first_response_at", "response_due_at", "resolution_due_at", "sla_state", "waiting_customer",
  "last_log_at", "last_log_day", "updated_at",
};
static const char * const approval_fields[] = { "solution_approved_by", "solution_approved_at" };
static const char * const closure_fields[] = { "cause_uuid", "error_uuid", "area_uuid", "closed_at" };

static gboolean
in_list (const char         *field,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (field, list[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *
gest_complaint_workflow_field_permission (const char *field)
{
  if (in_list (field, sla_fields, G_N_ELEMENTS (sla_fields)) || g_strcmp0 (field, "stage") == 0 ||
      g_strcmp0 (field, "stage_since") == 0)
    return NULL;
  if (in_list (field, approval_fields, G_N_ELEMENTS (approval_fields)))
    return GEST_COMPLAINT_PERMISSION_APPROVE;
  if (in_list (field, closure_fields, G_N_ELEMENTS (closure_fields)))
    return GEST_COMPLAINT_PERMISSION_CLOSE;
  return GEST_COMPLAINT_PERMISSION_WORK;
}

const char *
gest_complaint_workflow_move_permission (int from,
                                         int to)
{
  if (from < 0 || to == from)
    return NULL;
  if (from == GEST_COMPLAINT_WORKFLOW_CLOSED && to < from)
    return GEST_COMPLAINT_PERMISSION_REOPEN;
  if (to < from)
    return GEST_COMPLAINT_PERMISSION_STEP_BACK;
  if (to == GEST_COMPLAINT_WORKFLOW_CLOSED)
    return GEST_COMPLAINT_PERMISSION_CLOSE;
  return GEST_COMPLAINT_PERMISSION_WORK;
}

char *
gest_complaint_workflow_sync_refusal (const GestComplaintFacts *facts,
                                      int                       to)
{
  g_return_val_if_fail (facts != NULL, NULL);

  if (to < 0 || to >= GEST_COMPLAINT_WORKFLOW_N_STAGES)
    return g_strdup_printf (_("There is no stage %d: stages go from 0 (Received) to 6 (Closed)."), to);
  if (to == facts->stage)
    return NULL;
  if (facts->stage == GEST_COMPLAINT_WORKFLOW_CLOSED)
    return to == 2 ? NULL
                   : g_strdup_printf (_("Case %s is closed: a reopening takes it to “%s”."),
                                      facts->folio != NULL ? facts->folio : "",
                                      gest_complaint_workflow_stage_title (2));
  /* The desktop asked for the reason of a move back and logged it. */
  return gest_complaint_workflow_refusal (facts, to, "-", TRUE);
}
