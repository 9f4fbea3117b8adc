/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-plan-statement-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-plan-statement-view.h"
#include "gest-plan-statement-window.h"
#include "gest-window.h"
#include "gest-tramite-editor.h"

char *
gest_plan_statement_window_find_plan (GestStore  *store,
                                      const char *record_uuid)
{
  sqlite3_stmt *stmt;
  char *plan = NULL;

  stmt = gest_store_prepare (store,
                             "SELECT uuid FROM plans WHERE deleted = 0 AND"
                             " (uuid = ?1 OR customer_uuid = ?1 OR vehicle_uuid = ?1)"
                             " ORDER BY (uuid = ?1) DESC, as_of DESC, rowid DESC LIMIT 1",
                             NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    plan = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return plan;
}

static void
on_new_tramite (GestPlanStatementView *view,
                const char            *plan_uuid,
                GestContext           *context)
{
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (view));

  gest_tramite_editor_present (GTK_WINDOW (window), context, plan_uuid);
}

/* Issue 12: the plan's open trámite, in the main window's trámites section. */
static void
on_open_tramite (GestPlanStatementView *view,
                 const char            *tramite_uuid,
                 gpointer               user_data)
{
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (view));
  GtkWindow *parent = GTK_IS_WINDOW (window) ? gtk_window_get_transient_for (GTK_WINDOW (window)) : NULL;

  if (GEST_IS_WINDOW (parent))
    {
      gest_window_show_record (GEST_WINDOW (parent), "tramite", tramite_uuid);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

GtkWindow *
gest_plan_statement_window_present (GtkWindow   *parent,
                                    GestContext *context,
                                    const char  *record_uuid)
{
  GestStore *store = gest_context_get_store (context);
  g_autofree char *plan = gest_plan_statement_window_find_plan (store, record_uuid);
  GtkWidget *window, *box, *header, *content;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Account Statement"));
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 720);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  if (plan != NULL)
    {
      content = gest_plan_statement_view_new (context, plan);
      g_signal_connect_data (content, "new-tramite", G_CALLBACK (on_new_tramite),
                             g_object_ref (context), (GClosureNotify) g_object_unref, 0);
      g_signal_connect (content, "open-tramite", G_CALLBACK (on_open_tramite), NULL);
    }
  else
    content = g_object_new (ADW_TYPE_STATUS_PAGE,
                            "icon-name", "dialog-information-symbolic",
                            "title", _("No Conauto Plan"),
                            "description", _("This customer or vehicle has no Conauto plan on record. "
                                             "Plans arrive with the Conauto data."),
                            NULL);
  {
    GtkWidget *scrolled = gtk_scrolled_window_new ();
    GtkWidget *clamp = adw_clamp_new ();

    gtk_widget_set_margin_top (content, 18);
    gtk_widget_set_margin_bottom (content, 18);
    gtk_widget_set_margin_start (content, 18);
    gtk_widget_set_margin_end (content, 18);
    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
    adw_clamp_set_child (ADW_CLAMP (clamp), content);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
    gtk_widget_set_vexpand (scrolled, TRUE);
    gtk_box_append (GTK_BOX (box), scrolled);
  }
  adw_window_set_content (ADW_WINDOW (window), box);
  /* Escape closes it, as it closes every secondary window. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
