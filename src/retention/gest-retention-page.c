/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-retention-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-retention-lapsed-view.h"
#include "gest-retention-letters-view.h"
#include "gest-retention-page.h"
#include "gest-retention-queue-view.h"
#include "gest-retention-visits-view.h"

struct _GestRetentionPage
{
  GtkWidget     parent_instance;

  GtkWidget    *box;          /* the only child: switcher, stack */
  GtkWidget    *switcher;
  AdwViewStack *stack;
  GtkWidget    *queue;
  GtkWidget    *lapsed;
  GtkWidget    *visits;
  GtkWidget    *letters;
  AdwViewStackPage *letters_page;   /* borrowed: its badge counts the letters */

  GestContext  *context;
  GtkWindow    *root;         /* borrowed: watched for "is-active" while rooted */
  gboolean      seen_active;
};

G_DEFINE_FINAL_TYPE (GestRetentionPage, gest_retention_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
queue_notify_cb (GestRetentionPage *self,
                 GParamSpec        *pspec)
{
  if (g_str_equal (pspec->name, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (g_str_equal (pspec->name, "can-go-back"))
    {
      /* A call fills the page: the switcher comes back with the list. */
      gtk_widget_set_visible (self->switcher,
                              !gest_retention_queue_view_get_can_go_back (GEST_RETENTION_QUEUE_VIEW (self->queue)));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }
}

static void
letters_loaded_cb (GestRetentionPage *self)
{
  guint n = gest_retention_letters_view_get_n_items (GEST_RETENTION_LETTERS_VIEW (self->letters));

  adw_view_stack_page_set_badge_number (self->letters_page, n);
  adw_view_stack_page_set_needs_attention (self->letters_page, n > 0);
}

static void
queue_loaded_cb (GestRetentionPage *self)
{
  /* A call may have made a letter (the fifth failed attempt). */
  gest_retention_letters_view_reload (GEST_RETENTION_LETTERS_VIEW (self->letters));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GestRetentionPage *self = GEST_RETENTION_PAGE (widget);

  gest_retention_queue_view_show_list (GEST_RETENTION_QUEUE_VIEW (self->queue));
}

static void
root_active_cb (GestRetentionPage *self)
{
  if (!gtk_window_is_active (self->root))
    return;
  /* Another window (the CLI, a second desktop through sync) may have called or imported. */
  if (self->seen_active && !gest_retention_queue_view_get_can_go_back (GEST_RETENTION_QUEUE_VIEW (self->queue)))
    gest_retention_queue_view_reload (GEST_RETENTION_QUEUE_VIEW (self->queue));
  self->seen_active = TRUE;
}

static void
gest_retention_page_root (GtkWidget *widget)
{
  GestRetentionPage *self = GEST_RETENTION_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (gest_retention_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->root = GTK_WINDOW (root);
      self->seen_active = gtk_window_is_active (self->root);
      g_signal_connect_object (root, "notify::is-active", G_CALLBACK (root_active_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
gest_retention_page_unroot (GtkWidget *widget)
{
  GestRetentionPage *self = GEST_RETENTION_PAGE (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, root_active_cb, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (gest_retention_page_parent_class)->unroot (widget);
}

static void
gest_retention_page_constructed (GObject *object)
{
  GestRetentionPage *self = GEST_RETENTION_PAGE (object);
  AdwViewStackPage *page;
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *wide = adw_view_switcher_new ();
  GtkWidget *narrow = adw_view_switcher_new ();

  G_OBJECT_CLASS (gest_retention_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->queue = gest_retention_queue_view_new (self->context);
  self->lapsed = gest_retention_lapsed_view_new (self->context);
  self->visits = gest_retention_visits_view_new (self->context);
  self->letters = gest_retention_letters_view_new (self->context);
  g_signal_connect_object (self->queue, "notify", G_CALLBACK (queue_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "loaded", G_CALLBACK (queue_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->letters, "loaded", G_CALLBACK (letters_loaded_cb), self, G_CONNECT_SWAPPED);

  page = adw_view_stack_add_titled (self->stack, self->queue, "today", _("Today"));
  adw_view_stack_page_set_icon_name (page, "call-start-symbolic");
  page = adw_view_stack_add_titled (self->stack, self->lapsed, "lapsed", _("Lapsed Maintenance"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  page = adw_view_stack_add_titled (self->stack, self->visits, "visits", _("Visits"));
  adw_view_stack_page_set_icon_name (page, "emblem-system-symbolic");
  self->letters_page = adw_view_stack_add_titled (self->stack, self->letters, "letters", _("Letters to Print"));
  adw_view_stack_page_set_icon_name (self->letters_page, "printer-symbolic");

  /* Wide: icons beside the titles; at 360 px the narrow switcher (icons above) fits. */
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (wide), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (narrow), ADW_VIEW_SWITCHER_POLICY_NARROW);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (wide), self->stack);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (narrow), self->stack);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), wide);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), narrow);
  gtk_widget_set_margin_top (squeezer, 6);
  gtk_widget_set_margin_bottom (squeezer, 6);
  gtk_widget_set_margin_start (squeezer, 6);
  gtk_widget_set_margin_end (squeezer, 6);
  self->switcher = squeezer;
  gtk_box_prepend (GTK_BOX (self->box), squeezer);
}

static void
gest_retention_page_dispose (GObject *object)
{
  GestRetentionPage *self = GEST_RETENTION_PAGE (object);

  self->queue = self->lapsed = self->visits = self->letters = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_retention_page_parent_class)->dispose (object);
}

static void
gest_retention_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GestRetentionPage *self = GEST_RETENTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->queue != NULL
                          ? gest_retention_queue_view_get_title (GEST_RETENTION_QUEUE_VIEW (self->queue)) : NULL);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->queue != NULL &&
                           gest_retention_queue_view_get_can_go_back (GEST_RETENTION_QUEUE_VIEW (self->queue)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_retention_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GestRetentionPage *self = GEST_RETENTION_PAGE (object);

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
gest_retention_page_class_init (GestRetentionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_retention_page_constructed;
  object_class->dispose = gest_retention_page_dispose;
  object_class->get_property = gest_retention_page_get_property;
  object_class->set_property = gest_retention_page_set_property;
  widget_class->root = gest_retention_page_root;
  widget_class->unroot = gest_retention_page_unroot;

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
gest_retention_page_init (GestRetentionPage *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}

GtkWidget *
gest_retention_page_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_RETENTION_PAGE, "context", context, NULL);
}

const char *
gest_retention_page_get_view (GestRetentionPage *self)
{
  g_return_val_if_fail (GEST_IS_RETENTION_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
gest_retention_page_set_view (GestRetentionPage *self,
                              const char        *view)
{
  g_return_if_fail (GEST_IS_RETENTION_PAGE (self));

  adw_view_stack_set_visible_child_name (self->stack, view);
}

GtkWidget *
gest_retention_page_get_child (GestRetentionPage *self,
                               const char        *view)
{
  g_return_val_if_fail (GEST_IS_RETENTION_PAGE (self), NULL);

  return adw_view_stack_get_child_by_name (self->stack, view);
}

void
gest_retention_page_set_now (GestRetentionPage *self,
                             gint64             now)
{
  g_return_if_fail (GEST_IS_RETENTION_PAGE (self));

  gest_retention_queue_view_set_now (GEST_RETENTION_QUEUE_VIEW (self->queue), now);
}
