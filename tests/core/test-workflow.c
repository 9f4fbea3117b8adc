/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The step-table workflow engine (src/core/gest-workflow.c) on a table of its own: a request
 * that an agent prepares (steps 1-2), a supervisor decides (3-4) and the agent closes (5).
 * Messages are checked word for word in the C locale. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-error.h"
#include "gest-workflow.h"

static const char * const needs_3[] = { "form", "photo", NULL };
static const char * const needs_4[] = { "approval", NULL };
static const char * const needs_5[] = { "answer", NULL };

static const GestWorkflowStep steps[] = {
  { 1, "New", "The agent takes the request.", "agent", NULL },
  { 2, "Prepared", NULL, "agent", NULL },
  { 3, "Review", "The supervisor reviews it.", "supervisor", needs_3 },
  { 4, "Decided", NULL, "supervisor", needs_4 },
  { 5, "Closed", NULL, "agent", needs_5 },
};

static const GestWorkflowRequirement requirements[] = {
  { "form", "the signed form" },
  { "photo", "a photo of the part" },
  { "approval", "the supervisor’s approval" },
  { "answer", "the answer sent to the customer" },
};

static const GestWorkflowActor actors[] = {
  { "agent", "Only a supervisor moves a request from step %d (%s) to step %d (%s)." },
  { "supervisor", "Only an agent moves a request from step %d (%s) to step %d (%s)." },
};

static const GestWorkflowMove moves[] = {
  { 2, 3, "supervisor" },
  { 4, 5, "agent" },
};

#define PHRASES \
  .no_such_step = "There is no step %d: steps go from 1 to 5.", \
  .same_step = "The request is already in step %d (%s).", \
  .only_forward = "From step %d (%s) a request can only go to step %d (%s).", \
  .only_back = "From step %d (%s) a request can only go back to step %d (%s).", \
  .one_step = "From step %d (%s) a request goes to step %d (%s) or back to step %d (%s).", \
  .needs = "Step %d needs: %s."

static const GestWorkflow workflow = {
  .id = "request",
  .steps = steps, .n_steps = G_N_ELEMENTS (steps),
  .requirements = requirements, .n_requirements = G_N_ELEMENTS (requirements),
  .actors = actors, .n_actors = G_N_ELEMENTS (actors),
  .moves = moves, .n_moves = G_N_ELEMENTS (moves),
  .cumulative = TRUE,
  PHRASES,
};

/* The facts: a set of requirement ids that are met. */
static gboolean
set_has (const char *requirement,
         gpointer    user_data)
{
  return g_strv_contains ((const char * const *) user_data, requirement);
}

static const char *nothing[] = { NULL };
static const char *everything[] = { "form", "photo", "approval", "answer", NULL };

static void
assert_refused (const char * const  *met,
                int                  from,
                int                  to,
                const char          *actor,
                int                  code,
                const char          *message)
{
  GestWorkflowFacts facts = { set_has, (gpointer) met };
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_workflow_check_move (&workflow, &facts, from, to, actor, &error));
  g_assert_error (error, GEST_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_allowed (const char * const  *met,
                int                  from,
                int                  to,
                const char          *actor)
{
  GestWorkflowFacts facts = { set_has, (gpointer) met };
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_workflow_check_move (&workflow, &facts, from, to, actor, &error));
  g_assert_no_error (error);
}

static void
test_table (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_workflow_validate (&workflow, &error));
  g_assert_no_error (error);

  g_assert_false (gest_workflow_step_is_valid (&workflow, 0));
  g_assert_true (gest_workflow_step_is_valid (&workflow, 1));
  g_assert_true (gest_workflow_step_is_valid (&workflow, 5));
  g_assert_false (gest_workflow_step_is_valid (&workflow, 6));
  g_assert_false (gest_workflow_step_is_valid (&workflow, G_MININT));
  g_assert_cmpstr (gest_workflow_step_title (&workflow, 3), ==, "Review");
  g_assert_cmpstr (gest_workflow_step_description (&workflow, 3), ==, "The supervisor reviews it.");
  g_assert_null (gest_workflow_step_description (&workflow, 2));
  g_assert_cmpstr (gest_workflow_step_owner (&workflow, 1), ==, "agent");
  g_assert_cmpstr (gest_workflow_step_owner (&workflow, 4), ==, "supervisor");
  g_assert_null (gest_workflow_step_owner (&workflow, 0));
  g_assert_null (gest_workflow_step_owner (&workflow, 6));
  g_assert_cmpstr (gest_workflow_requirement_phrase (&workflow, "photo"), ==, "a photo of the part");
  g_assert_null (gest_workflow_requirement_phrase (&workflow, "nothing-like-it"));
}

/* Steps outside 1..n are GEST_ERROR_INVALID, whichever end is wrong. */
static void
test_boundaries (void)
{
  assert_refused (everything, 1, 0, "agent", GEST_ERROR_INVALID, "There is no step 0: steps go from 1 to 5.");
  assert_refused (everything, 4, 6, "agent", GEST_ERROR_INVALID, "There is no step 6: steps go from 1 to 5.");
  assert_refused (everything, 0, 1, "agent", GEST_ERROR_INVALID, "There is no step 0: steps go from 1 to 5.");
  assert_refused (everything, 6, 5, "agent", GEST_ERROR_INVALID, "There is no step 6: steps go from 1 to 5.");
  assert_refused (everything, 1, -1, "agent", GEST_ERROR_INVALID, "There is no step -1: steps go from 1 to 5.");
  assert_refused (everything, 3, 3, "supervisor", GEST_ERROR_REFUSED, "The request is already in step 3 (Review).");

  /* One step at a time, worded for the first, the last and a middle step. */
  assert_refused (everything, 1, 3, "agent", GEST_ERROR_REFUSED,
                  "From step 1 (New) a request can only go to step 2 (Prepared).");
  assert_refused (everything, 5, 3, "agent", GEST_ERROR_REFUSED,
                  "From step 5 (Closed) a request can only go back to step 4 (Decided).");
  assert_refused (everything, 2, 4, "supervisor", GEST_ERROR_REFUSED,
                  "From step 2 (Prepared) a request goes to step 3 (Review) or back to step 1 (New).");
  /* The distance comes before who moves. */
  assert_refused (everything, 1, 5, "supervisor", GEST_ERROR_REFUSED,
                  "From step 1 (New) a request can only go to step 2 (Prepared).");

  assert_allowed (nothing, 1, 2, "agent");
  assert_allowed (everything, 4, 5, "agent");
}

/* Owners move within their steps; the listed handovers, and only they, cross over. */
static void
test_owners_and_moves (void)
{
  assert_allowed (nothing, 2, 1, "agent");
  assert_allowed (everything, 3, 4, "supervisor");
  assert_allowed (everything, 4, 3, "supervisor");
  assert_allowed (everything, 2, 3, "supervisor");   /* handover 2 → 3 */
  assert_allowed (everything, 4, 5, "agent");        /* handover 4 → 5 */

  assert_refused (everything, 2, 3, "agent", GEST_ERROR_REFUSED,
                  "Only a supervisor moves a request from step 2 (Prepared) to step 3 (Review).");
  assert_refused (everything, 1, 2, "supervisor", GEST_ERROR_REFUSED,
                  "Only an agent moves a request from step 1 (New) to step 2 (Prepared).");
  /* A handover goes one way: nobody takes the request back from 3 to 2, nor from 5 to 4. */
  assert_refused (everything, 3, 2, "supervisor", GEST_ERROR_REFUSED,
                  "Only an agent moves a request from step 3 (Review) to step 2 (Prepared).");
  assert_refused (everything, 3, 2, "agent", GEST_ERROR_REFUSED,
                  "Only a supervisor moves a request from step 3 (Review) to step 2 (Prepared).");
  assert_refused (everything, 5, 4, "agent", GEST_ERROR_REFUSED,
                  "Only a supervisor moves a request from step 5 (Closed) to step 4 (Decided).");

  g_assert_true (gest_workflow_actor_may_move (&workflow, 2, 3, "supervisor"));
  g_assert_false (gest_workflow_actor_may_move (&workflow, 2, 3, "agent"));
  g_assert_false (gest_workflow_actor_may_move (&workflow, 0, 1, "agent"));
  g_assert_false (gest_workflow_actor_may_move (&workflow, 5, 6, "agent"));
  g_assert_false (gest_workflow_actor_may_move (&workflow, 1, 2, "nobody"));
  /* Owners say nothing of distance: that is check_move's. */
  g_assert_true (gest_workflow_actor_may_move (&workflow, 1, 2, "agent"));
}

/* Requirements: cumulative, listed in table order, all of them; going back needs nothing;
 * who moves is checked before what is missing. */
static void
test_requirements (void)
{
  const char *form_only[] = { "form", NULL };
  const char *no_photo[] = { "form", "approval", "answer", NULL };
  GestWorkflowFacts facts = { set_has, (gpointer) nothing };
  g_autoptr(GPtrArray) missing = gest_workflow_missing (&workflow, &facts, 5);
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpuint (missing->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "the signed form");
  g_assert_cmpstr (g_ptr_array_index (missing, 3), ==, "the answer sent to the customer");
  none = gest_workflow_missing (&workflow, &facts, 2);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_null (gest_workflow_missing_message (&workflow, &facts, 1));
  message = gest_workflow_missing_message (&workflow, &facts, 4);
  g_assert_cmpstr (message, ==, "Step 4 needs: the signed form; a photo of the part; the supervisor’s approval.");

  assert_refused (nothing, 2, 3, "supervisor", GEST_ERROR_REFUSED,
                  "Step 3 needs: the signed form; a photo of the part.");
  assert_refused (form_only, 2, 3, "supervisor", GEST_ERROR_REFUSED, "Step 3 needs: a photo of the part.");
  /* Cumulative: a record that lost a photo cannot be closed. */
  assert_refused (no_photo, 4, 5, "agent", GEST_ERROR_REFUSED, "Step 5 needs: a photo of the part.");
  assert_refused (nothing, 2, 3, "agent", GEST_ERROR_REFUSED,
                  "Only a supervisor moves a request from step 2 (Prepared) to step 3 (Review).");
  /* Going back undoes a step: nothing is needed. */
  assert_allowed (nothing, 4, 3, "supervisor");
  assert_allowed (nothing, 2, 1, "agent");
}

/* Without @cumulative a step needs only its own requirements. */
static void
test_not_cumulative (void)
{
  GestWorkflow own = workflow;
  const char *answer_only[] = { "answer", NULL };
  GestWorkflowFacts facts = { set_has, (gpointer) answer_only };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  own.cumulative = FALSE;
  g_assert_true (gest_workflow_validate (&own, NULL));
  g_assert_true (gest_workflow_check_move (&own, &facts, 4, 5, "agent", &error));
  g_assert_no_error (error);
  missing = gest_workflow_missing (&own, &facts, 4);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "the supervisor’s approval");
}

static void
assert_bad (const GestWorkflow *bad,
            const char         *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_workflow_validate (bad, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* Every way a table can be wrong is caught, naming the entry. */
static void
test_bad_tables (void)
{
  static const char * const needs_unknown[] = { "form", "signature", NULL };
  GestWorkflowStep bad_steps[G_N_ELEMENTS (steps)];
  GestWorkflowRequirement bad_requirements[G_N_ELEMENTS (requirements)];
  GestWorkflowActor bad_actors[G_N_ELEMENTS (actors)];
  GestWorkflowMove bad_moves[G_N_ELEMENTS (moves)];
  GestWorkflow bad;

#define RESET() G_STMT_START { \
    bad = workflow; \
    memcpy (bad_steps, steps, sizeof steps); \
    memcpy (bad_requirements, requirements, sizeof requirements); \
    memcpy (bad_actors, actors, sizeof actors); \
    memcpy (bad_moves, moves, sizeof moves); \
    bad.steps = bad_steps; \
    bad.requirements = bad_requirements; \
    bad.actors = bad_actors; \
    bad.moves = bad_moves; \
  } G_STMT_END

  RESET ();
  g_assert_true (gest_workflow_validate (&bad, NULL));

  bad.n_steps = 1;
  assert_bad (&bad, "The workflow table “request” is not valid: it needs at least two steps. Correct the table in its module.");
  RESET ();
  bad_steps[2].number = 4;
  assert_bad (&bad, "The workflow table “request” is not valid: step 3 is numbered 4; steps are numbered 1, 2, 3… in order. Correct the table in its module.");
  RESET ();
  bad_steps[1].title = NULL;
  assert_bad (&bad, "The workflow table “request” is not valid: step 2 has no title. Correct the table in its module.");
  RESET ();
  bad_steps[4].owner = "customer";
  assert_bad (&bad, "The workflow table “request” is not valid: the owner of step 5 is not one of the table’s actors. Correct the table in its module.");
  RESET ();
  bad_steps[2].needs = needs_unknown;
  assert_bad (&bad, "The workflow table “request” is not valid: step 3 needs “signature”, which is not one of the table’s requirements. Correct the table in its module.");
  RESET ();
  bad_requirements[3].id = "form";
  assert_bad (&bad, "The workflow table “request” is not valid: requirement 4 has no id, no phrase or the id of another. Correct the table in its module.");
  RESET ();
  bad_requirements[0].phrase = NULL;
  assert_bad (&bad, "The workflow table “request” is not valid: requirement 1 has no id, no phrase or the id of another. Correct the table in its module.");
  RESET ();
  bad_moves[1].to = 1;
  assert_bad (&bad, "The workflow table “request” is not valid: move 2 must go one step between existing steps and name one of the table’s actors. Correct the table in its module.");
  RESET ();
  bad_moves[0].actor = "customer";
  assert_bad (&bad, "The workflow table “request” is not valid: move 1 must go one step between existing steps and name one of the table’s actors. Correct the table in its module.");
  RESET ();
  bad_moves[0].to = 6;
  assert_bad (&bad, "The workflow table “request” is not valid: move 1 must go one step between existing steps and name one of the table’s actors. Correct the table in its module.");
  RESET ();
  bad_actors[1].id = "agent";
  assert_bad (&bad, "The workflow table “request” is not valid: actor 2 has no id or the id of another. Correct the table in its module.");

  /* Phrases: present, and taking exactly the arguments the engine gives them. */
  RESET ();
  bad.needs = NULL;
  assert_bad (&bad, "The workflow table “request” is not valid: the phrase needs is missing or does not take the arguments ds. Correct the table in its module.");
  RESET ();
  bad.same_step = "The request is already in step %s (%d).";
  assert_bad (&bad, "The workflow table “request” is not valid: the phrase same_step is missing or does not take the arguments ds. Correct the table in its module.");
  RESET ();
  bad.no_such_step = "There is no step %d of %d.";
  assert_bad (&bad, "The workflow table “request” is not valid: the phrase no_such_step is missing or does not take the arguments d. Correct the table in its module.");
  RESET ();
  bad.one_step = "From step %d (%s) a request goes to step %d (%s).";
  assert_bad (&bad, "The workflow table “request” is not valid: the phrase one_step is missing or does not take the arguments dsdsds. Correct the table in its module.");
  RESET ();
  bad.only_back = "From step %d (%s) back to %ld (%s).";
  assert_bad (&bad, "The workflow table “request” is not valid: the phrase only_back is missing or does not take the arguments dsds. Correct the table in its module.");
  RESET ();
  bad.only_forward = "100%% sure: from step %d (%s) to step %d (%s) only.";
  g_assert_true (gest_workflow_validate (&bad, NULL));   /* %% is no conversion */
  RESET ();
  bad_actors[0].not_allowed = "Only a supervisor moves it to step %d (%s).";
  assert_bad (&bad, "The workflow table “request” is not valid: the phrase not_allowed of the actor “agent” is missing or does not take the arguments dsds. Correct the table in its module.");
  RESET ();
  bad.id = NULL;
  bad_steps[0].number = 0;
  assert_bad (&bad, "The workflow table “?” is not valid: step 1 is numbered 0; steps are numbered 1, 2, 3… in order. Correct the table in its module.");
#undef RESET
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/table", test_table);
  g_test_add_func ("/workflow/boundaries", test_boundaries);
  g_test_add_func ("/workflow/owners-and-moves", test_owners_and_moves);
  g_test_add_func ("/workflow/requirements", test_requirements);
  g_test_add_func ("/workflow/not-cumulative", test_not_cumulative);
  g_test_add_func ("/workflow/bad-tables", test_bad_tables);

  return g_test_run ();
}
