/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-customer-item.h"
#include "gest-customer-list.h"
#include "gest-customer-merge-dialog.h"

#define MAX_HITS 6

struct _GestCustomerMergeDialog
{
  AdwMessageDialog  parent_instance;

  GestCustomerList *list;
  char             *from_uuid;
  char             *into_uuid;    /* the one picked, or NULL */

  GtkWidget        *search;
  GtkWidget        *hits;         /* GtkListBox */
  GtkWidget        *reason;       /* GtkEntry */
};

G_DEFINE_FINAL_TYPE (GestCustomerMergeDialog, gest_customer_merge_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  MERGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_response (GestCustomerMergeDialog *self)
{
  g_autofree char *reason = NULL;

  /* The entries change while the dialog is disposed, its responses gone. */
  if (self->list == NULL)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason))));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge",
                                           self->into_uuid != NULL && *reason != '\0');
}

static void
fill_hits (GestCustomerMergeDialog *self)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->hits)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->hits), child);
  g_clear_pointer (&self->into_uuid, g_free);
  if (*gest_customer_list_get_filter (self->list) != '\0')
    for (guint i = 0; shown < MAX_HITS && i < g_list_model_get_n_items (G_LIST_MODEL (self->list)); i++)
      {
        g_autoptr(GestCustomerItem) item = g_list_model_get_item (G_LIST_MODEL (self->list), i);
        GtkWidget *row;

        if (item == NULL || g_str_equal (gest_customer_item_get_uuid (item), self->from_uuid))
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gest_customer_item_get_name (item));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gest_customer_item_get_summary (item));
        g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (gest_customer_item_get_uuid (item)), g_free);
        gtk_list_box_append (GTK_LIST_BOX (self->hits), row);
        shown++;
      }
  gtk_widget_set_visible (self->hits, shown > 0);
  update_response (self);
}

static void
search_changed_cb (GtkSearchEntry          *entry,
                   GestCustomerMergeDialog *self)
{
  gest_customer_list_set_filter (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  fill_hits (self);
}

static void
row_selected_cb (GtkListBox              *box,
                 GtkListBoxRow           *row,
                 GestCustomerMergeDialog *self)
{
  g_free (self->into_uuid);
  self->into_uuid = row != NULL ? g_strdup (g_object_get_data (G_OBJECT (row), "uuid")) : NULL;
  update_response (self);
}

static void
reason_changed_cb (GestCustomerMergeDialog *self)
{
  update_response (self);
}

static void
response_cb (AdwMessageDialog        *dialog,
             const char              *response,
             GestCustomerMergeDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason))));

  if (g_str_equal (response, "merge") && self->into_uuid != NULL)
    g_signal_emit (self, signals[MERGE], 0, self->into_uuid, reason);
}

static void
gest_customer_merge_dialog_dispose (GObject *object)
{
  GestCustomerMergeDialog *self = GEST_CUSTOMER_MERGE_DIALOG (object);

  g_clear_object (&self->list);
  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  if (self->reason != NULL)
    g_signal_handlers_disconnect_by_data (self->reason, self);
  g_clear_pointer (&self->from_uuid, g_free);
  g_clear_pointer (&self->into_uuid, g_free);

  G_OBJECT_CLASS (gest_customer_merge_dialog_parent_class)->dispose (object);
}

static void
gest_customer_merge_dialog_class_init (GestCustomerMergeDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gest_customer_merge_dialog_dispose;

  signals[MERGE] = g_signal_new ("merge", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
gest_customer_merge_dialog_init (GestCustomerMergeDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Name, RFC or phone of the other customer"), NULL);
  self->hits = gtk_list_box_new ();
  gtk_widget_add_css_class (self->hits, "boxed-list");
  gtk_widget_set_visible (self->hits, FALSE);
  self->reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->reason), _("Why they are the same person"));
  gtk_box_append (GTK_BOX (box), self->search);
  gtk_box_append (GTK_BOX (box), self->hits);
  gtk_box_append (GTK_BOX (box), self->reason);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge", FALSE);

  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->hits, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->reason, "changed", G_CALLBACK (reason_changed_cb), self);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), self);
}

GestCustomerMergeDialog *
gest_customer_merge_dialog_new (GtkWindow  *parent,
                                GestStore  *store,
                                const char *from_uuid,
                                const char *from_name)
{
  GestCustomerMergeDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (from_uuid != NULL && from_name != NULL, NULL);

  body = g_strdup_printf (_("Everything of %s (vehicles, plans and every record) moves to the customer you choose, and %s is deleted. The reason stays in both customers’ logs."),
                          from_name, from_name);
  self = g_object_new (GEST_TYPE_CUSTOMER_MERGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Merge with Another Customer?"),
                       "body", body,
                       NULL);
  self->from_uuid = g_strdup (from_uuid);
  self->list = gest_customer_list_new (store);
  gest_customer_list_set_filter (self->list, "");
  return self;
}

void
gest_customer_merge_dialog_search (GestCustomerMergeDialog *self,
                                   const char              *text)
{
  g_return_if_fail (GEST_IS_CUSTOMER_MERGE_DIALOG (self));

  gest_customer_list_set_filter (self->list, text);
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  fill_hits (self);
}

gboolean
gest_customer_merge_dialog_pick (GestCustomerMergeDialog *self,
                                 guint                    position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GEST_IS_CUSTOMER_MERGE_DIALOG (self), FALSE);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->hits), (int) position);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (GTK_LIST_BOX (self->hits), row);
  return TRUE;
}

void
gest_customer_merge_dialog_set_reason (GestCustomerMergeDialog *self,
                                       const char              *reason)
{
  g_return_if_fail (GEST_IS_CUSTOMER_MERGE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason), reason);
}
