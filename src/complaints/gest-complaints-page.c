/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint.h"
#include "gest-complaint-board-source.h"
#include "gest-complaint-detail.h"
#include "gest-complaint-intake-window.h"
#include "gest-complaints-page.h"
#include "gest-date.h"
#include "gest-sql-board-source.h"

struct _GestComplaintsPage
{
  GtkWidget           parent_instance;

  GtkWidget          *box;            /* the only child: switcher bar, stack */
  GtkWidget          *switcher_bar;
  GtkStack           *stack;
  GestBoardPage      *page;
  GtkWidget          *tasks_stack;    /* "list" or "empty" */
  GtkListBox         *tasks_list;
  GtkStackPage       *tasks_page;     /* borrowed: its title counts the open tasks */

  GestContext        *context;
  GestStore          *store;          /* the context's */
  GestSqlBoardSource *source;
  GtkWindow          *root;           /* borrowed: watched for "is-active" while rooted */
  gboolean            seen_active;
};

G_DEFINE_FINAL_TYPE (GestComplaintsPage, gest_complaints_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload_all (GestComplaintsPage *self)
{
  gest_sql_board_source_reload (self->source);
  gest_complaints_page_reload_tasks (self);
}

static void
item_activated_cb (GestComplaintsPage *self,
                   const char         *uuid)
{
  gest_complaints_page_show_complaint (self, uuid);
}

static void
intake_saved_cb (GestComplaintsPage *self,
                 const char         *uuid)
{
  reload_all (self);
  gest_complaints_page_show_complaint (self, uuid);
}

static void
new_record_cb (GestComplaintsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GestComplaintIntakeWindow *intake;

  intake = gest_complaint_intake_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context);
  g_signal_connect_object (intake, "saved", G_CALLBACK (intake_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (intake));
}

static void
page_notify_cb (GestComplaintsPage *self,
                GParamSpec         *pspec)
{
  if (g_str_equal (pspec->name, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (g_str_equal (pspec->name, "can-go-back"))
    {
      /* The switcher is the board's: a case's detail fills the page. */
      gtk_widget_set_visible (self->switcher_bar, !gest_board_page_get_can_go_back (self->page));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gest_complaints_page_show_board (GEST_COMPLAINTS_PAGE (widget));
}

static void
task_activated_cb (GestComplaintsPage *self,
                   GtkListBoxRow      *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "gest-complaint-uuid");

  if (uuid != NULL)
    gest_complaints_page_show_complaint (self, uuid);
}

static void
root_active_cb (GestComplaintsPage *self)
{
  if (!gtk_window_is_active (self->root))
    return;
  /* Another window (the CLI, a dialog, a second instance) may have changed cases. */
  if (self->seen_active)
    reload_all (self);
  self->seen_active = TRUE;
}

static void
gest_complaints_page_root (GtkWidget *widget)
{
  GestComplaintsPage *self = GEST_COMPLAINTS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (gest_complaints_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->root = GTK_WINDOW (root);
      self->seen_active = gtk_window_is_active (self->root);
      g_signal_connect_object (root, "notify::is-active", G_CALLBACK (root_active_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
gest_complaints_page_unroot (GtkWidget *widget)
{
  GestComplaintsPage *self = GEST_COMPLAINTS_PAGE (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, root_active_cb, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (gest_complaints_page_parent_class)->unroot (widget);
}

static GtkWidget *
build_tasks (GestComplaintsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Your open tasks, the most urgent first. Open one to see its case."));
  GtkWidget *empty = adw_status_page_new ();

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "dim-label");
  self->tasks_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->tasks_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->tasks_list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->tasks_list), GTK_ALIGN_START);
  g_signal_connect_swapped (self->tasks_list, "row-activated", G_CALLBACK (task_activated_cb), self);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tasks_list));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Open Tasks"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Tasks assigned to you on a case appear here with their due day. "
                                     "Assign one from a case’s “Tasks” group."));

  self->tasks_stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->tasks_stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->tasks_stack), empty, "empty");
  return self->tasks_stack;
}

static void
gest_complaints_page_constructed (GObject *object)
{
  GestComplaintsPage *self = GEST_COMPLAINTS_PAGE (object);
  const GestBoardPageTexts texts = {
    .search_placeholder = _("Search folio, customer or complainant"),
    .all_columns = _("All Stages"),
    .overdue_tooltip = _("No entry today: open cases whose log has no call, follow-up or note today"),
    .mine_tooltip = _("My cases: the ones you are responsible for"),
    .new_label = _("_New Complaint"),
    .new_tooltip = _("Register a complaint or claim received by phone or in writing"),
    .empty_icon_name = "mail-mark-important-symbolic",
    .empty_title = _("No Complaints Yet"),
    .empty_description = _("Register the first complaint or claim with “New Complaint” and follow it here, one column per stage."),
    .read_only_reason = NULL,
    .overdue_label = _("_No Entry Today"),
    .mine_label = _("My _Cases"),
  };
  GtkWidget *switcher;

  G_OBJECT_CLASS (gest_complaints_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->store = g_object_ref (gest_context_get_store (self->context));
  self->source = (GestSqlBoardSource *) gest_complaint_board_source_new (self->store);
  gest_board_page_set_texts (self->page, &texts);
  gest_board_page_set_section_title (self->page, _("Complaints"));
  gest_board_page_set_source (self->page, GEST_BOARD_SOURCE (self->source));

  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->page), "cases", _("Cases"));
  self->tasks_page = gtk_stack_add_titled (self->stack, build_tasks (self), "tasks", _("My Tasks"));

  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  self->switcher_bar = switcher;
  gtk_box_prepend (GTK_BOX (self->box), switcher);

  gest_complaints_page_reload_tasks (self);
}

static void
gest_complaints_page_dispose (GObject *object)
{
  GestComplaintsPage *self = GEST_COMPLAINTS_PAGE (object);

  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  self->page = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->source);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_complaints_page_parent_class)->dispose (object);
}

static void
gest_complaints_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GestComplaintsPage *self = GEST_COMPLAINTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, gest_board_page_get_title (self->page));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, gest_board_page_get_can_go_back (self->page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_complaints_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GestComplaintsPage *self = GEST_COMPLAINTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_complaints_page_class_init (GestComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_complaints_page_constructed;
  object_class->dispose = gest_complaints_page_dispose;
  object_class->get_property = gest_complaints_page_get_property;
  object_class->set_property = gest_complaints_page_set_property;
  widget_class->root = gest_complaints_page_root;
  widget_class->unroot = gest_complaints_page_unroot;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                       G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "board-page.back", NULL, back_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_complaints_page_init (GestComplaintsPage *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
  self->page = GEST_BOARD_PAGE (gest_board_page_new ());
  g_signal_connect_swapped (self->page, "item-activated", G_CALLBACK (item_activated_cb), self);
  g_signal_connect_swapped (self->page, "new-record", G_CALLBACK (new_record_cb), self);
  g_signal_connect_swapped (self->page, "detail-closed", G_CALLBACK (reload_all), self);
  g_signal_connect_swapped (self->page, "notify", G_CALLBACK (page_notify_cb), self);
}

GtkWidget *
gest_complaints_page_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_COMPLAINTS_PAGE, "context", context, NULL);
}

void
gest_complaints_page_show_complaint (GestComplaintsPage *self,
                                     const char         *uuid)
{
  g_autoptr(GestComplaint) complaint = NULL;

  g_return_if_fail (GEST_IS_COMPLAINTS_PAGE (self));
  g_return_if_fail (uuid != NULL);

  gtk_stack_set_visible_child_name (self->stack, "cases");
  complaint = gest_complaint_load (self->store, uuid, NULL);
  gest_board_page_show_detail (self->page, gest_complaint_detail_new (self->context, uuid),
                               complaint != NULL ? complaint->folio : _("Case Not Available"));
}

void
gest_complaints_page_show_board (GestComplaintsPage *self)
{
  g_return_if_fail (GEST_IS_COMPLAINTS_PAGE (self));

  gest_board_page_show_board (self->page);
}

GestBoardPage *
gest_complaints_page_get_board_page (GestComplaintsPage *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINTS_PAGE (self), NULL);

  return self->page;
}

GtkWidget *
gest_complaints_page_get_detail (GestComplaintsPage *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINTS_PAGE (self), NULL);

  return gest_board_page_get_can_go_back (self->page) ? gest_board_page_get_detail (self->page) : NULL;
}

const char *
gest_complaints_page_get_view (GestComplaintsPage *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
gest_complaints_page_set_view (GestComplaintsPage *self,
                               const char         *view)
{
  g_return_if_fail (GEST_IS_COMPLAINTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, view);
}

guint
gest_complaints_page_reload_tasks (GestComplaintsPage *self)
{
  GestUser *user;      /* borrowed */
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GDate today;

  g_return_val_if_fail (GEST_IS_COMPLAINTS_PAGE (self), 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tasks_list))) != NULL)
    gtk_list_box_remove (self->tasks_list, child);

  user = gest_store_get_user (self->store);
  if (user != NULL)
    tasks = gest_complaint_list_tasks (self->store, NULL, user->uuid, &error);
  if (tasks == NULL && error != NULL)
    g_warning ("Cannot list the open tasks: %s", error->message);

  gest_date_today (&today);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      GestComplaintTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *due = gest_date_format (&task->due);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      if (g_date_compare (&task->due, &today) < 0)
        /* Translators: a task in "My Tasks": "QJA-2026-000123 · overdue since 04/12/2026". */
        subtitle = g_strdup_printf (_("%s · overdue since %s"), task->complaint_folio, due);
      else
        subtitle = g_strdup_printf (_("%s · due %s"), task->complaint_folio, due);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), task->description);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (g_date_compare (&task->due, &today) < 0)
        gtk_widget_add_css_class (row, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "gest-complaint-uuid", g_strdup (task->complaint_uuid), g_free);
      gtk_list_box_append (self->tasks_list, row);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->tasks_stack),
                                    tasks != NULL && tasks->len > 0 ? "list" : "empty");
  if (tasks != NULL && tasks->len > 0)
    {
      /* Translators: the switcher's entry with the number of open tasks, "My Tasks (3)". */
      g_autofree char *title = g_strdup_printf (_("My Tasks (%u)"), tasks->len);

      gtk_stack_page_set_title (self->tasks_page, title);
    }
  else
    gtk_stack_page_set_title (self->tasks_page, _("My Tasks"));
  return tasks != NULL ? tasks->len : 0;
}
