/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-workflow.h"

/* The phrases come from the tables, which gest_workflow_validate() checks for exactly the
 * conversions each is used with; their translations are checked by msgfmt --check against
 * the msgid. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static char *
format_d (const char *format,
          int         a)
{
  return g_strdup_printf (format, a);
}

static char *
format_ds (const char *format,
           int         a,
           const char *b)
{
  return g_strdup_printf (format, a, b);
}

static char *
format_dsds (const char *format,
             int         a,
             const char *b,
             int         c,
             const char *d)
{
  return g_strdup_printf (format, a, b, c, d);
}

static char *
format_dsdsds (const char *format,
               int         a,
               const char *b,
               int         c,
               const char *d,
               int         e,
               const char *f)
{
  return g_strdup_printf (format, a, b, c, d, e, f);
}

#pragma GCC diagnostic pop

/* Whether the conversions of @format are exactly @expected ("dsds": %d, %s, %d, %s). Only
 * plain %d, %s and %% are allowed: a table has no use for more. */
static gboolean
format_is (const char *format,
           const char *expected)
{
  const char *e = expected;

  if (format == NULL)
    return FALSE;
  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p != '%')
        continue;
      p++;
      if (*p == '%')
        continue;
      if ((*p != 'd' && *p != 's') || *e != *p)
        return FALSE;
      e++;
    }
  return *e == '\0';
}

static const GestWorkflowRequirement *
find_requirement (const GestWorkflow *workflow,
                  const char         *id)
{
  for (guint i = 0; i < workflow->n_requirements; i++)
    if (g_strcmp0 (workflow->requirements[i].id, id) == 0)
      return &workflow->requirements[i];
  return NULL;
}

static const GestWorkflowActor *
find_actor (const GestWorkflow *workflow,
            const char         *id)
{
  for (guint i = 0; i < workflow->n_actors; i++)
    if (g_strcmp0 (workflow->actors[i].id, id) == 0)
      return &workflow->actors[i];
  return NULL;
}

static gboolean
bad_table (GError     **error,
           const char  *table,
           char        *what)
{
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("The workflow table “%s” is not valid: %s. Correct the table in its module."),
               table, what);
  g_free (what);
  return FALSE;
}

static gboolean
validate_phrases (const GestWorkflow  *workflow,
                  const char          *table,
                  GError             **error)
{
  const struct
  {
    const char *name;
    const char *phrase;
    const char *conversions;
  } phrases[] = {
    { "no_such_step", workflow->no_such_step, "d" },
    { "same_step", workflow->same_step, "ds" },
    { "only_forward", workflow->only_forward, "dsds" },
    { "only_back", workflow->only_back, "dsds" },
    { "one_step", workflow->one_step, "dsdsds" },
    { "needs", workflow->needs, "ds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (!format_is (phrases[i].phrase, phrases[i].conversions))
      return bad_table (error, table,
                        g_strdup_printf (_("the phrase %s is missing or does not take the arguments %s"),
                                         phrases[i].name, phrases[i].conversions));
  for (guint i = 0; i < workflow->n_actors; i++)
    {
      const GestWorkflowActor *actor = &workflow->actors[i];

      if (actor->id == NULL || find_actor (workflow, actor->id) != actor)
        return bad_table (error, table, g_strdup_printf (_("actor %u has no id or the id of another"), i + 1));
      if (!format_is (actor->not_allowed, "dsds"))
        return bad_table (error, table,
                          g_strdup_printf (_("the phrase not_allowed of the actor “%s” is missing or does not take the arguments %s"),
                                           actor->id, "dsds"));
    }
  return TRUE;
}

gboolean
gest_workflow_validate (const GestWorkflow  *workflow,
                        GError             **error)
{
  const char *table;

  g_return_val_if_fail (workflow != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = workflow->id != NULL ? workflow->id : "?";
  if (workflow->steps == NULL || workflow->n_steps < 2)
    return bad_table (error, table, g_strdup (_("it needs at least two steps")));
  if (!validate_phrases (workflow, table, error))
    return FALSE;

  for (guint i = 0; i < workflow->n_requirements; i++)
    {
      const GestWorkflowRequirement *requirement = &workflow->requirements[i];

      if (requirement->id == NULL || requirement->phrase == NULL ||
          find_requirement (workflow, requirement->id) != requirement)
        return bad_table (error, table,
                          g_strdup_printf (_("requirement %u has no id, no phrase or the id of another"), i + 1));
    }

  for (guint i = 0; i < workflow->n_steps; i++)
    {
      const GestWorkflowStep *step = &workflow->steps[i];

      if (step->number != (int) i + 1)
        return bad_table (error, table,
                          g_strdup_printf (_("step %u is numbered %d; steps are numbered 1, 2, 3… in order"),
                                           i + 1, step->number));
      if (step->title == NULL)
        return bad_table (error, table, g_strdup_printf (_("step %d has no title"), step->number));
      if (find_actor (workflow, step->owner) == NULL)
        return bad_table (error, table,
                          g_strdup_printf (_("the owner of step %d is not one of the table’s actors"), step->number));
      for (guint n = 0; step->needs != NULL && step->needs[n] != NULL; n++)
        if (find_requirement (workflow, step->needs[n]) == NULL)
          return bad_table (error, table,
                            g_strdup_printf (_("step %d needs “%s”, which is not one of the table’s requirements"),
                                             step->number, step->needs[n]));
    }

  for (guint i = 0; i < workflow->n_moves; i++)
    {
      const GestWorkflowMove *move = &workflow->moves[i];

      if (!gest_workflow_step_is_valid (workflow, move->from) ||
          !gest_workflow_step_is_valid (workflow, move->to) ||
          ABS (move->to - move->from) != 1 || find_actor (workflow, move->actor) == NULL)
        return bad_table (error, table,
                          g_strdup_printf (_("move %u must go one step between existing steps and name one of the table’s actors"),
                                           i + 1));
    }
  return TRUE;
}

gboolean
gest_workflow_step_is_valid (const GestWorkflow *workflow,
                             int                 step)
{
  g_return_val_if_fail (workflow != NULL, FALSE);

  return step >= 1 && step <= (int) workflow->n_steps;
}

const char *
gest_workflow_step_title (const GestWorkflow *workflow,
                          int                 step)
{
  g_return_val_if_fail (gest_workflow_step_is_valid (workflow, step), NULL);

  return _(workflow->steps[step - 1].title);
}

const char *
gest_workflow_step_description (const GestWorkflow *workflow,
                                int                 step)
{
  const char *description;

  g_return_val_if_fail (gest_workflow_step_is_valid (workflow, step), NULL);

  description = workflow->steps[step - 1].description;
  return description != NULL ? _(description) : NULL;
}

const char *
gest_workflow_step_owner (const GestWorkflow *workflow,
                          int                 step)
{
  g_return_val_if_fail (workflow != NULL, NULL);

  if (!gest_workflow_step_is_valid (workflow, step))
    return NULL;
  return workflow->steps[step - 1].owner;
}

const char *
gest_workflow_requirement_phrase (const GestWorkflow *workflow,
                                  const char         *id)
{
  const GestWorkflowRequirement *requirement;

  g_return_val_if_fail (workflow != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  requirement = find_requirement (workflow, id);
  return requirement != NULL ? _(requirement->phrase) : NULL;
}

gboolean
gest_workflow_actor_may_move (const GestWorkflow *workflow,
                              int                 from,
                              int                 to,
                              const char         *actor)
{
  g_return_val_if_fail (workflow != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (!gest_workflow_step_is_valid (workflow, from) || !gest_workflow_step_is_valid (workflow, to))
    return FALSE;
  if (g_str_equal (workflow->steps[from - 1].owner, actor) &&
      g_str_equal (workflow->steps[to - 1].owner, actor))
    return TRUE;
  for (guint i = 0; i < workflow->n_moves; i++)
    {
      const GestWorkflowMove *move = &workflow->moves[i];

      if (move->from == from && move->to == to && g_str_equal (move->actor, actor))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
gest_workflow_missing (const GestWorkflow      *workflow,
                       const GestWorkflowFacts *facts,
                       int                      step)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  int first;

  g_return_val_if_fail (workflow != NULL, missing);
  g_return_val_if_fail (facts != NULL && facts->has != NULL, missing);

  step = MIN (step, (int) workflow->n_steps);
  first = workflow->cumulative ? 1 : step;
  for (int s = MAX (first, 1); s <= step; s++)
    {
      const char * const *needs = workflow->steps[s - 1].needs;

      for (guint n = 0; needs != NULL && needs[n] != NULL; n++)
        if (!facts->has (needs[n], facts->user_data))
          g_ptr_array_add (missing, g_strdup (gest_workflow_requirement_phrase (workflow, needs[n])));
    }
  return missing;
}

char *
gest_workflow_missing_message (const GestWorkflow      *workflow,
                               const GestWorkflowFacts *facts,
                               int                      step)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (workflow != NULL, NULL);
  g_return_val_if_fail (facts != NULL, NULL);

  missing = gest_workflow_missing (workflow, facts, step);
  if (missing->len == 0)
    return NULL;
  g_ptr_array_add (missing, NULL);
  list = g_strjoinv ("; ", (char **) missing->pdata);
  return format_ds (_(workflow->needs), step, list);
}

static gboolean
refuse (GError **error,
        int      code,
        char    *message)
{
  g_set_error_literal (error, GEST_ERROR, code, message);
  g_free (message);
  return FALSE;
}

static gboolean
refuse_distance (const GestWorkflow  *workflow,
                 int                  from,
                 GError             **error)
{
  const char *from_title = gest_workflow_step_title (workflow, from);

  if (from == 1)
    return refuse (error, GEST_ERROR_REFUSED,
                   format_dsds (_(workflow->only_forward), from, from_title,
                                from + 1, gest_workflow_step_title (workflow, from + 1)));
  if (from == (int) workflow->n_steps)
    return refuse (error, GEST_ERROR_REFUSED,
                   format_dsds (_(workflow->only_back), from, from_title,
                                from - 1, gest_workflow_step_title (workflow, from - 1)));
  return refuse (error, GEST_ERROR_REFUSED,
                 format_dsdsds (_(workflow->one_step), from, from_title,
                                from + 1, gest_workflow_step_title (workflow, from + 1),
                                from - 1, gest_workflow_step_title (workflow, from - 1)));
}

gboolean
gest_workflow_check_move (const GestWorkflow       *workflow,
                          const GestWorkflowFacts  *facts,
                          int                       from,
                          int                       to,
                          const char               *actor,
                          GError                  **error)
{
  const GestWorkflowActor *who;
  char *missing;

  g_return_val_if_fail (workflow != NULL, FALSE);
  g_return_val_if_fail (facts != NULL && facts->has != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_workflow_step_is_valid (workflow, to))
    return refuse (error, GEST_ERROR_INVALID, format_d (_(workflow->no_such_step), to));
  if (!gest_workflow_step_is_valid (workflow, from))
    return refuse (error, GEST_ERROR_INVALID, format_d (_(workflow->no_such_step), from));

  if (from == to)
    return refuse (error, GEST_ERROR_REFUSED,
                   format_ds (_(workflow->same_step), to, gest_workflow_step_title (workflow, to)));

  if (ABS (to - from) != 1)
    return refuse_distance (workflow, from, error);

  if (!gest_workflow_actor_may_move (workflow, from, to, actor))
    {
      who = find_actor (workflow, actor);
      g_return_val_if_fail (who != NULL, FALSE);
      return refuse (error, GEST_ERROR_REFUSED,
                     format_dsds (_(who->not_allowed),
                                  from, gest_workflow_step_title (workflow, from),
                                  to, gest_workflow_step_title (workflow, to)));
    }

  /* Going back undoes a step; it needs nothing. */
  if (to < from)
    return TRUE;

  missing = gest_workflow_missing_message (workflow, facts, to);
  if (missing != NULL)
    return refuse (error, GEST_ERROR_REFUSED, missing);
  return TRUE;
}
