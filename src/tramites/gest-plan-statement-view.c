/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-plan-statement-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-plan-statement-view.h"
#include "gest-tramite.h"
#include "gest-value-row.h"

struct _GestPlanStatementView
{
  GtkWidget            parent_instance;

  /* Template children. The stack is bound so that dispose_template() unparents it. */
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *statement_group;
  GestValueRow        *customer_row;      /* the plan number is its value */
  GestValueRow        *balance_row;
  GestValueRow        *overdue_row;
  GestValueRow        *installment_row;
  GestValueRow        *life_insurance_row;
  AdwActionRow        *area_row;
  AdwActionRow        *reason_row;
  GtkWidget           *new_button;

  GestContext         *context;
  GestStore           *store;           /* the context's */
  char                *plan_uuid;
  GestPlanStatement   *statement;        /* NULL when not shown */
  GestRoutingDecision  routing;
  gboolean             has_routing;
  char                *error_message;
  gboolean             show_new_button;
  /* Issue 12: the plan's open trámite (one per plan), which the button opens instead of
   * offering a new one; NULL when there is none. */
  GestTramite         *open_tramite;
};

G_DEFINE_FINAL_TYPE (GestPlanStatementView, gest_plan_statement_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PLAN_UUID,
  N_PROPS
};

enum {
  NEW_TRAMITE,
  OPEN_TRAMITE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
as_of_text (const GestPlanStatement *statement)
{
  g_autofree char *date = NULL;
  int age;

  if (!g_date_valid (&statement->as_of))
    return g_strdup (_("The statement has no date: ask Conauto for a current one."));

  date = gest_date_format (&statement->as_of);
  age = gest_plan_statement_age_days (statement);
  if (age <= 0)
    /* Translators: the date of an account statement. */
    return g_strdup_printf (_("As of %s (today)"), date);
  /* Translators: the date of an account statement and how old it is. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "As of %s (%d day ago)",
                                       "As of %s (%d days ago)", age),
                          date, age);
}

/* Issue 12: one open trámite per plan. With one, the button opens it, named with its folio
 * and step, and the group says why there is no "New Payoff". */
static void
show_open_tramite (GestPlanStatementView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *why = NULL;
  g_autofree char *as_of = as_of_text (self->statement);

  g_clear_pointer (&self->open_tramite, gest_tramite_free);
  self->open_tramite = gest_tramite_load_open_for_plan (self->store, self->statement->plan_uuid, &error);
  if (error != NULL)
    g_warning ("Could not look for the plan’s open trámite: %s", error->message);
  if (self->open_tramite == NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->new_button), _("_New Payoff"));
      gtk_widget_set_tooltip_text (self->new_button, _("Register the payoff agreed with Conauto for this plan"));
      return;
    }
  /* Translators: the statement's button when the plan has an open trámite, "_Open LIQ-2026-000123". */
  label = g_strdup_printf (_("_Open %s"), self->open_tramite->folio);
  gtk_button_set_label (GTK_BUTTON (self->new_button), label);
  why = g_strdup_printf (_("%s. Open payoff: %s, step %d (%s). A plan has one open payoff at a time."),
                         as_of, self->open_tramite->folio, self->open_tramite->step,
                         gest_tramite_step_title (self->open_tramite->step));
  adw_preferences_group_set_description (self->statement_group, why);
  gtk_widget_set_tooltip_text (self->new_button, _("Open the plan’s payoff in progress"));
}

static void
show_statement (GestPlanStatementView *self)
{
  g_auto(GestRoutingSettings) settings = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = as_of_text (self->statement);
  g_autofree char *plan = NULL;
  const GestPlanStatement *st = self->statement;

  adw_preferences_group_set_description (self->statement_group, as_of);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row), st->customer_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->customer_row), st->vehicle);
  /* Translators: a plan's number, "Plan PL-0001". */
  plan = g_strdup_printf (_("Plan %s"), st->plan_number);
  gest_value_row_set_text (self->customer_row, plan);
  gest_value_row_set_money (self->balance_row, st->balance);
  gest_value_row_set_money (self->overdue_row, st->overdue);
  gest_value_row_set_money (self->installment_row, st->installment);
  gest_value_row_set_money (self->life_insurance_row, st->life_insurance);

  /* T2 under today's settings: the thresholds, areas and phones are settings. */
  gest_store_load_routing_settings (self->store, &settings);
  self->has_routing = gest_plan_statement_route (st, &settings, &self->routing, &error);
  if (self->has_routing)
    {
      const GestAreaContact *contact = &settings.areas[self->routing.area];

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->area_row), contact->name);
      adw_action_row_set_subtitle (self->area_row, contact->phones);
      adw_action_row_set_subtitle (self->reason_row, self->routing.reason);
      gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->area_row), _("Cannot Decide"));
      adw_action_row_set_subtitle (self->area_row, "");
      adw_action_row_set_subtitle (self->reason_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "error");
    }
  show_open_tramite (self);
  gtk_widget_set_visible (self->new_button, self->show_new_button);
  gtk_stack_set_visible_child_name (self->stack, "statement");
}

static void
new_clicked_cb (GestPlanStatementView *self)
{
  if (self->open_tramite != NULL)
    g_signal_emit (self, signals[OPEN_TRAMITE], 0, self->open_tramite->uuid);
  else if (self->statement != NULL)
    g_signal_emit (self, signals[NEW_TRAMITE], 0, self->statement->plan_uuid);
}

static void
gest_plan_statement_view_dispose (GObject *object)
{
  GestPlanStatementView *self = (GestPlanStatementView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_PLAN_STATEMENT_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_plan_statement_view_parent_class)->dispose (object);
}

static void
gest_plan_statement_view_finalize (GObject *object)
{
  GestPlanStatementView *self = (GestPlanStatementView *) object;

  g_clear_pointer (&self->open_tramite, gest_tramite_free);
  g_clear_pointer (&self->plan_uuid, g_free);
  g_clear_pointer (&self->statement, gest_plan_statement_free);
  g_clear_pointer (&self->error_message, g_free);
  if (self->has_routing)
    gest_routing_decision_clear (&self->routing);

  G_OBJECT_CLASS (gest_plan_statement_view_parent_class)->finalize (object);
}

static void
gest_plan_statement_view_constructed (GObject *object)
{
  G_OBJECT_CLASS (gest_plan_statement_view_parent_class)->constructed (object);

  gest_plan_statement_view_reload (GEST_PLAN_STATEMENT_VIEW (object));
}

static void
gest_plan_statement_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GestPlanStatementView *self = GEST_PLAN_STATEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PLAN_UUID:
      g_value_set_string (value, self->plan_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_plan_statement_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  GestPlanStatementView *self = GEST_PLAN_STATEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    case PROP_PLAN_UUID:
      gest_plan_statement_view_set_plan_uuid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_plan_statement_view_class_init (GestPlanStatementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_plan_statement_view_constructed;
  object_class->dispose = gest_plan_statement_view_dispose;
  object_class->finalize = gest_plan_statement_view_finalize;
  object_class->get_property = gest_plan_statement_view_get_property;
  object_class->set_property = gest_plan_statement_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_UUID] =
    g_param_spec_string ("plan-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GestPlanStatementView::new-tramite:
   * @plan_uuid: the plan shown
   *
   * The user asked to register a payoff for the plan.
   */
  signals[NEW_TRAMITE] =
    g_signal_new ("new-tramite",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * GestPlanStatementView::open-tramite:
   * @tramite_uuid: the plan's open trámite
   *
   * The user asked to open the plan's payoff in progress (issue 12: one open per plan).
   */
  signals[OPEN_TRAMITE] =
    g_signal_new ("open-tramite",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (GEST_TYPE_VALUE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/tramites/gest-plan-statement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, stack);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, error_page);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, statement_group);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, customer_row);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, balance_row);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, overdue_row);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, installment_row);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, life_insurance_row);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, area_row);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, reason_row);
  gtk_widget_class_bind_template_child (widget_class, GestPlanStatementView, new_button);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_plan_statement_view_init (GestPlanStatementView *self)
{
  self->show_new_button = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
gest_plan_statement_view_new (GestContext *context,
                              const char  *plan_uuid)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_PLAN_STATEMENT_VIEW,
                       "context", context,
                       "plan-uuid", plan_uuid,
                       NULL);
}

const char *
gest_plan_statement_view_get_plan_uuid (GestPlanStatementView *self)
{
  g_return_val_if_fail (GEST_IS_PLAN_STATEMENT_VIEW (self), NULL);

  return self->plan_uuid;
}

void
gest_plan_statement_view_set_plan_uuid (GestPlanStatementView *self,
                                        const char            *plan_uuid)
{
  g_return_if_fail (GEST_IS_PLAN_STATEMENT_VIEW (self));

  if (g_strcmp0 (self->plan_uuid, plan_uuid) == 0)
    return;
  g_free (self->plan_uuid);
  self->plan_uuid = g_strdup (plan_uuid);
  gest_plan_statement_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_UUID]);
}

void
gest_plan_statement_view_reload (GestPlanStatementView *self)
{
  g_autoptr(GError) error = NULL;
  GestPlanStatement statement;

  g_return_if_fail (GEST_IS_PLAN_STATEMENT_VIEW (self));

  g_clear_pointer (&self->statement, gest_plan_statement_free);
  g_clear_pointer (&self->error_message, g_free);
  if (self->has_routing)
    gest_routing_decision_clear (&self->routing);
  self->has_routing = FALSE;

  /* Construct properties may arrive in any order: the store may come after the plan. */
  if (self->store == NULL || self->plan_uuid == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* One row by primary key or unique number: cheap enough for the UI thread. */
  if (!gest_plan_statement_load (self->store, self->plan_uuid, &statement, &error))
    {
      self->error_message = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->statement = gest_plan_statement_copy (&statement);
  gest_plan_statement_clear (&statement);
  show_statement (self);
}

const GestTramite *
gest_plan_statement_view_get_open_tramite (GestPlanStatementView *self)
{
  g_return_val_if_fail (GEST_IS_PLAN_STATEMENT_VIEW (self), NULL);

  return self->open_tramite;
}

const GestPlanStatement *
gest_plan_statement_view_get_statement (GestPlanStatementView *self)
{
  g_return_val_if_fail (GEST_IS_PLAN_STATEMENT_VIEW (self), NULL);

  return self->statement;
}

const GestRoutingDecision *
gest_plan_statement_view_get_routing (GestPlanStatementView *self)
{
  g_return_val_if_fail (GEST_IS_PLAN_STATEMENT_VIEW (self), NULL);

  return self->has_routing ? &self->routing : NULL;
}

const char *
gest_plan_statement_view_get_error_message (GestPlanStatementView *self)
{
  g_return_val_if_fail (GEST_IS_PLAN_STATEMENT_VIEW (self), NULL);

  return self->error_message;
}

void
gest_plan_statement_view_set_show_new_button (GestPlanStatementView *self,
                                              gboolean               show)
{
  g_return_if_fail (GEST_IS_PLAN_STATEMENT_VIEW (self));

  self->show_new_button = !!show;
  gtk_widget_set_visible (self->new_button, self->show_new_button);
}
