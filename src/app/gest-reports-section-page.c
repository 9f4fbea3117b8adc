/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-reports-section-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-module.h"
#include "gest-report-view.h"
#include "gest-reports-section-page.h"

struct _GestReportsSectionPage
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  AdwPreferencesPage *list_page;
  AdwBin            *report_bin;

  GestContext       *context;
  GPtrArray         *groups;     /* AdwPreferencesGroup, borrowed: the list page owns them */
};

G_DEFINE_FINAL_TYPE (GestReportsSectionPage, gest_reports_section_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GestReportInfo *
find_report (const char *id)
{
  GPtrArray *modules = gest_domain_modules_get ();

  for (guint i = 0; i < modules->len; i++)
    {
      guint n = 0;
      const GestReportInfo *reports = gest_domain_module_get_reports (g_ptr_array_index (modules, i), &n);

      for (guint r = 0; r < n; r++)
        if (g_str_equal (reports[r].id, id))
          return &reports[r];
    }
  return NULL;
}

static void
row_activated_cb (AdwActionRow           *row,
                  GestReportsSectionPage *self)
{
  gest_reports_section_page_open_report (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
fill_list (GestReportsSectionPage *self)
{
  GPtrArray *modules = gest_domain_modules_get ();

  for (guint i = 0; i < modules->len; i++)
    {
      GestDomainModule *module = g_ptr_array_index (modules, i);
      guint n = 0;
      const GestReportInfo *reports = gest_domain_module_get_reports (module, &n);
      AdwPreferencesGroup *group;

      if (n == 0)
        continue;
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, GEST_IS_MODULE (module)
                                                ? gest_module_get_title (GEST_MODULE (module))
                                                : gest_domain_module_get_id (module));
      for (guint r = 0; r < n; r++)
        {
          GtkWidget *row = adw_action_row_new ();

          /* The row's name is the report's id: what the row opens. */
          gtk_widget_set_name (row, reports[r].id);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(reports[r].title));
          if (reports[r].description != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(reports[r].description));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
          adw_preferences_group_add (group, row);
        }
      adw_preferences_page_add (self->list_page, group);
      g_ptr_array_add (self->groups, group);
    }
  gtk_stack_set_visible_child_name (self->stack, self->groups->len > 0 ? "list" : "empty");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_reports_section_page_show_list (GEST_REPORTS_SECTION_PAGE (widget));
}

static void
gest_reports_section_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  GestReportsSectionPage *self = GEST_REPORTS_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, gest_reports_section_page_get_can_go_back (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_reports_section_page_dispose (GObject *object)
{
  GestReportsSectionPage *self = GEST_REPORTS_SECTION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_REPORTS_SECTION_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (gest_reports_section_page_parent_class)->dispose (object);
}

static void
gest_reports_section_page_class_init (GestReportsSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gest_reports_section_page_get_property;
  object_class->dispose = gest_reports_section_page_dispose;

  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                       G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The window's back button activates the pages' "board-page.back". */
  gtk_widget_class_install_action (widget_class, "board-page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "board-page.back", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/app/gest-reports-section-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GestReportsSectionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GestReportsSectionPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, GestReportsSectionPage, report_bin);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_reports_section_page_init (GestReportsSectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", FALSE);
}

GtkWidget *
gest_reports_section_page_new (GestContext *context)
{
  GestReportsSectionPage *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_REPORTS_SECTION_PAGE, NULL);
  self->context = g_object_ref (context);
  fill_list (self);
  return GTK_WIDGET (self);
}

GtkWidget *
gest_reports_section_page_open_report (GestReportsSectionPage *self,
                                       const char             *id)
{
  const GestReportInfo *info;
  GtkWidget *view;
  gboolean was_open;

  g_return_val_if_fail (GEST_IS_REPORTS_SECTION_PAGE (self) && id != NULL, NULL);

  info = find_report (id);
  if (info == NULL)
    return NULL;
  was_open = gest_reports_section_page_get_can_go_back (self);
  view = gest_report_view_new (gest_store_get_path (gest_context_get_store (self->context)), info);
  adw_bin_set_child (self->report_bin, view);
  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", TRUE);
  if (!was_open)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  return view;
}

void
gest_reports_section_page_show_list (GestReportsSectionPage *self)
{
  gboolean was_open;

  g_return_if_fail (GEST_IS_REPORTS_SECTION_PAGE (self));

  was_open = gest_reports_section_page_get_can_go_back (self);
  gtk_stack_set_visible_child_name (self->stack, self->groups->len > 0 ? "list" : "empty");
  adw_bin_set_child (self->report_bin, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.back", FALSE);
  if (was_open)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

gboolean
gest_reports_section_page_get_can_go_back (GestReportsSectionPage *self)
{
  g_return_val_if_fail (GEST_IS_REPORTS_SECTION_PAGE (self), FALSE);
  return adw_bin_get_child (self->report_bin) != NULL;
}

GPtrArray *
gest_reports_section_page_get_groups (GestReportsSectionPage *self)
{
  g_return_val_if_fail (GEST_IS_REPORTS_SECTION_PAGE (self), NULL);
  return self->groups;
}

const char *
gest_reports_section_page_get_state (GestReportsSectionPage *self)
{
  g_return_val_if_fail (GEST_IS_REPORTS_SECTION_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
