/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-sync-client.h"
#include "gest-sync-preferences-page.h"

#define LOG_ROWS 50

struct _GestSyncPreferencesPage
{
  AdwPreferencesPage    parent_instance;

  GestContext          *context;
  GestStore            *store;           /* the context's */
  GestSyncService      *service;
  GCancellable         *cancellable;

  AdwPreferencesGroup  *server_group;
  GtkWidget            *url_row;
  GtkWidget            *code_row;
  GtkWidget            *name_row;
  GtkWidget            *ca_row;
  GtkWidget            *enroll_button;
  GtkWidget            *enrolled_row;
  GtkWidget            *last_sync_row;
  GtkWidget            *pending_row;
  GtkWidget            *error_row;
  GtkWidget            *sync_button;
  AdwPreferencesGroup  *log_group;
  GPtrArray            *log_rows;      /* rows added to log_group, to remove on refresh */
};

G_DEFINE_FINAL_TYPE (GestSyncPreferencesPage, gest_sync_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

static GtkWidget *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
add_status_row (AdwPreferencesGroup *group,
                const char          *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  return row;
}

static char *
format_moment (gint64 usec)
{
  g_autoptr(GDateTime) dt = NULL;

  if (usec <= 0)
    return g_strdup (_("Never"));
  dt = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  return g_date_time_format (dt, "%d/%m/%Y %H:%M");
}

/* The latest conflicts and rejections, newest first (LIMIT: a short indexed read). */
static void
refresh_log (GestSyncPreferencesPage *self)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < self->log_rows->len; i++)
    adw_preferences_group_remove (self->log_group, g_ptr_array_index (self->log_rows, i));
  g_ptr_array_set_size (self->log_rows, 0);

  stmt = gest_store_prepare (self->store,
                             "SELECT kind, entity, uuid, message, at FROM sync_log ORDER BY id DESC LIMIT ?1",
                             NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int (stmt, 1, LOG_ROWS);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *when = format_moment (sqlite3_column_int64 (stmt, 4));
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (g_str_equal (kind, "conflict"))
        /* TRANSLATORS: a sync log row: the date and the kind of record (customer, plan...). */
        title = g_strdup_printf (_("%s · Conflict on a %s"), when, (const char *) sqlite3_column_text (stmt, 1));
      else
        title = g_strdup_printf (_("%s · Change not applied to a %s"), when,
                                 (const char *) sqlite3_column_text (stmt, 1));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), (const char *) sqlite3_column_text (stmt, 3));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->log_group, row);
      g_ptr_array_add (self->log_rows, row);
    }
  sqlite3_finalize (stmt);

  if (self->log_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No conflicts or rejected changes"));
      adw_preferences_group_add (self->log_group, row);
      g_ptr_array_add (self->log_rows, row);
    }
}

/* Read from the database rather than the service, so that it changes as soon as an
 * enrollment succeeds, before the service's first round. */
static void
refresh_enrolled (GestSyncPreferencesPage *self)
{
  g_autofree char *url = gest_sync_get_server_url (self->store);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->enrolled_row),
                               url != NULL && gest_sync_is_enrolled (self->store) ? url : _("Not enrolled"));
}

static void
refresh_status (GestSyncPreferencesPage *self)
{
  g_autofree char *when = format_moment (gest_sync_service_get_last_sync (self->service));
  g_autofree char *pending = NULL;
  const char *error = gest_sync_service_get_last_error (self->service);
  gint64 count = gest_sync_service_get_pending (self->service);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->last_sync_row),
                               gest_sync_service_get_running (self->service) ? _("Syncing…") : when);
  pending = g_strdup_printf (ngettext ("%lld change waits to be sent",
                                       "%lld changes wait to be sent", (gulong) count),
                             (long long) count);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pending_row), pending);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->error_row), error != NULL ? error : _("None"));
  gtk_widget_set_sensitive (self->sync_button,
                            gest_sync_service_get_enrolled (self->service) &&
                            !gest_sync_service_get_running (self->service));
  refresh_enrolled (self);
  if (!gest_sync_service_get_running (self->service))
    refresh_log (self);
}

static void
service_notify_cb (GestSyncService         *service,
                   GParamSpec              *pspec,
                   GestSyncPreferencesPage *self)
{
  refresh_status (self);
}

static void
ca_file_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GestSyncPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gest_store_set_setting_finish (GEST_STORE (source), result, &error))
    {
      adw_preferences_group_set_description (self->server_group, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

/* An empty row clears the setting: the system's certificate authorities are used again.
 * Saved on the store's writer thread; @callback gets a GestStore result. */
static void
save_ca_file (GestSyncPreferencesPage *self,
              GAsyncReadyCallback      callback)
{
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ca_row))));

  gest_store_set_setting_async (self->store, "sync.ca-file", path[0] != '\0' ? path : NULL, NULL,
                                callback, g_object_ref (self));
}

static void
ca_apply_cb (AdwEntryRow             *row,
             GestSyncPreferencesPage *self)
{
  save_ca_file (self, ca_file_saved_cb);
}

static void
sync_clicked_cb (GtkButton               *button,
                 GestSyncPreferencesPage *self)
{
  gest_sync_service_sync_now (self->service);
}

static void
enroll_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GestSyncPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gest_sync_service_enroll_finish (GEST_SYNC_SERVICE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_preferences_group_set_description (self->server_group, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
      adw_preferences_group_set_description (self->server_group,
                                             _("This desktop is enrolled. It syncs in the background."));
    }
  refresh_enrolled (self);
  gtk_widget_set_sensitive (self->enroll_button, TRUE);
}

static void
ca_file_saved_for_enroll_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GestSyncPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (!gest_store_set_setting_finish (GEST_STORE (source), result, &error))
    {
      adw_preferences_group_set_description (self->server_group, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_widget_set_sensitive (self->enroll_button, TRUE);
      return;
    }
  gest_sync_service_enroll_async (self->service, url, code, name, self->cancellable,
                                  enroll_done_cb, g_object_ref (self));
}

static void
enroll_clicked_cb (GtkButton               *button,
                   GestSyncPreferencesPage *self)
{
  gtk_widget_set_sensitive (self->enroll_button, FALSE);
  adw_preferences_group_set_description (self->server_group, _("Enrolling…"));
  /* The CA file first: enrolling is the first connection that needs it. */
  save_ca_file (self, ca_file_saved_for_enroll_cb);
}

static void
gest_sync_preferences_page_dispose (GObject *object)
{
  GestSyncPreferencesPage *self = GEST_SYNC_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_object (&self->service);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->log_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gest_sync_preferences_page_parent_class)->dispose (object);
}

static void
gest_sync_preferences_page_class_init (GestSyncPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_sync_preferences_page_dispose;
}

static void
gest_sync_preferences_page_init (GestSyncPreferencesPage *self)
{
  AdwPreferencesGroup *status_group;

  self->cancellable = g_cancellable_new ();
  self->log_rows = g_ptr_array_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Sync"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "emblem-synchronizing-symbolic");

  self->server_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->server_group, _("Conauto Server"));
  adw_preferences_group_set_description (self->server_group,
                                         _("Write the server address and the enrollment code Conauto "
                                           "gave you. Changes made offline are kept and sent later."));
  self->enroll_button = gtk_button_new_with_mnemonic (_("_Enroll"));
  gtk_widget_set_valign (self->enroll_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->enroll_button, "suggested-action");
  adw_preferences_group_set_header_suffix (self->server_group, self->enroll_button);
  self->url_row = add_entry_row (self->server_group, _("Server Address"));
  self->code_row = add_entry_row (self->server_group, _("Enrollment Code"));
  self->name_row = add_entry_row (self->server_group, _("Name of This Desktop"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_get_host_name ());
  /* TRANSLATORS: a file path may be written here: the PEM file of Conauto's own certificate
   * authority, when its server's certificate is not from a public one. */
  self->ca_row = add_entry_row (self->server_group, _("Certificate Authority File (Optional)"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->server_group);

  status_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (status_group, _("Status"));
  self->sync_button = gtk_button_new_with_mnemonic (_("Sync _Now"));
  gtk_widget_set_valign (self->sync_button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (status_group, self->sync_button);
  self->enrolled_row = add_status_row (status_group, _("Enrolled With"));
  self->last_sync_row = add_status_row (status_group, _("Last Sync"));
  self->pending_row = add_status_row (status_group, _("Pending Changes"));
  self->error_row = add_status_row (status_group, _("Last Error"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), status_group);

  self->log_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->log_group, _("Conflicts and Rejected Changes"));
  adw_preferences_group_set_description (self->log_group,
                                         _("When two desktops changed the same field, the later "
                                           "change was kept; the value it replaced is shown here."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->log_group);

  g_signal_connect (self->enroll_button, "clicked", G_CALLBACK (enroll_clicked_cb), self);
  g_signal_connect (self->sync_button, "clicked", G_CALLBACK (sync_clicked_cb), self);
  g_signal_connect (self->ca_row, "apply", G_CALLBACK (ca_apply_cb), self);
}

GtkWidget *
gest_sync_preferences_page_new (GestContext *context)
{
  GestSyncPreferencesPage *self;
  GestSyncService *service;
  g_autofree char *url = NULL;
  g_autofree char *ca_file = NULL;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  service = gest_context_get_sync_service (context);
  g_return_val_if_fail (GEST_IS_SYNC_SERVICE (service), NULL);

  self = g_object_new (GEST_TYPE_SYNC_PREFERENCES_PAGE, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->service = g_object_ref (service);

  url = gest_sync_get_server_url (self->store);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url != NULL ? url : "");
  ca_file = gest_store_get_setting (self->store, "sync.ca-file");
  gtk_editable_set_text (GTK_EDITABLE (self->ca_row), ca_file != NULL ? ca_file : "");
  /* After the stored value, so that only an edit offers to apply. */
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->ca_row), TRUE);
  g_signal_connect_object (service, "notify", G_CALLBACK (service_notify_cb), self, 0);
  refresh_status (self);

  return GTK_WIDGET (self);
}
