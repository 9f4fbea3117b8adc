/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-mail-preferences-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-mail-preferences-page.h"
#include "gest-mail-sender.h"
#include "gest-mail-settings.h"

struct _GestMailPreferencesPage
{
  AdwPreferencesPage  parent_instance;

  GestContext        *context;
  GestStore          *store;           /* the context's */
  GCancellable       *cancellable;

  AdwPreferencesGroup *server_group;
  GtkWidget          *host_row;
  GtkWidget          *port_row;
  GtkWidget          *security_row;
  GtkWidget          *user_row;
  GtkWidget          *password_row;
  GtkWidget          *from_row;
  GtkWidget          *save_button;
  char               *saving_password;  /* for the keyring once the settings are saved */

  AdwPreferencesGroup *test_group;
  GtkWidget          *test_to_row;
  GtkWidget          *test_button;
};

G_DEFINE_FINAL_TYPE (GestMailPreferencesPage, gest_mail_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               GtkInputPurpose      purpose)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_object_set (row, "input-purpose", purpose, NULL);
  adw_preferences_group_add (group, row);

  return row;
}

/* Outcomes go under the group they concern, where the user is looking. */
static void
show_outcome (AdwPreferencesGroup *group,
              const char          *text,
              gboolean             is_error)
{
  adw_preferences_group_set_description (group, text);
  if (is_error)
    gtk_widget_error_bell (GTK_WIDGET (group));
}

static void
load_values (GestMailPreferencesPage *self)
{
  g_auto(GestMailSettings) settings = { 0, };
  g_autofree char *port = NULL;

  gest_mail_settings_load (self->store, &settings);
  port = settings.port != 0 ? g_strdup_printf ("%u", settings.port) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->host_row), settings.host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->security_row), settings.security);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), settings.user);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), settings.from);
  gtk_editable_set_text (GTK_EDITABLE (self->test_to_row), settings.from);
}

static void
password_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GestMailPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gest_mail_password_store_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_outcome (self->server_group, error->message, TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_outcome (self->server_group, _("Saved. The password is kept in your keyring."), FALSE);
}

static void
settings_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GestMailPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = g_steal_pointer (&self->saving_password);
  GestMailSettings settings = { 0, };

  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (!gest_mail_settings_save_finish (GEST_STORE (source), result, &error))
    {
      show_outcome (self->server_group, error->message, TRUE);
      return;
    }
  if (password == NULL)
    {
      show_outcome (self->server_group, _("Saved."), FALSE);
      return;
    }
  gest_mail_settings_load (self->store, &settings);
  show_outcome (self->server_group, _("Saving the password in the keyring…"), FALSE);
  gest_mail_password_store (settings.host, settings.user, password, self->cancellable,
                            password_stored_cb, g_object_ref (self));
  gest_mail_settings_clear (&settings);
}

static void
save_clicked_cb (GestMailPreferencesPage *self)
{
  g_autoptr(GError) error = NULL;
  GestMailSettings settings = { 0, };
  const char *port = gtk_editable_get_text (GTK_EDITABLE (self->port_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  guint64 port_value = 0;
  guint security = adw_combo_row_get_selected (ADW_COMBO_ROW (self->security_row));

  if (*port != '\0' && !g_ascii_string_to_unsigned (port, 10, 1, 65535, &port_value, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("The port “%s” is not valid. Enter a number from 1 to 65535, or leave it empty for the usual port."),
                         port);

      show_outcome (self->server_group, message, TRUE);
      return;
    }

  settings.host = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_row))));
  settings.port = port_value;
  settings.security = security < GEST_N_SMTP_SECURITIES ? security : GEST_SMTP_SECURITY_STARTTLS;
  settings.user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  settings.from = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_row))));

  /* The password goes to the keyring once the settings are saved, for the user saved. */
  g_clear_pointer (&self->saving_password, g_free);
  if (*password != '\0' && *settings.user != '\0')
    self->saving_password = g_strdup (password);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gest_mail_settings_save_async (self->store, &settings, NULL, settings_saved_cb, g_object_ref (self));
  gest_mail_settings_clear (&settings);
}

static void
send_test_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const char * const *paths = task_data;   /* { database path, recipient } */
  g_autoptr(GestStore) store = NULL;
  GError *error = NULL;

  store = gest_store_open (paths[0], &error);
  if (store == NULL || !gest_mail_send_test (store, paths[1], cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
send_test_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GestMailPreferencesPage *self = GEST_MAIL_PREFERENCES_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char * const *paths = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_outcome (self->test_group, error->message, TRUE);
    }
  else
    {
      message = g_strdup_printf (_("The test email was sent to %s. Check that it arrived."), paths[1]);
      show_outcome (self->test_group, message, FALSE);
    }

  gtk_widget_set_sensitive (self->test_button, TRUE);
}

static void
test_clicked_cb (GestMailPreferencesPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *to = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->test_to_row))));
  char **paths;

  paths = g_new0 (char *, 3);
  paths[0] = g_strdup (gest_store_get_path (self->store));
  paths[1] = g_steal_pointer (&to);

  gtk_widget_set_sensitive (self->test_button, FALSE);
  show_outcome (self->test_group, _("Sending the test email…"), FALSE);

  task = g_task_new (self, self->cancellable, send_test_done_cb, NULL);
  g_task_set_source_tag (task, test_clicked_cb);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, send_test_thread);
}

static void
build_server_group (GestMailPreferencesPage *self)
{
  g_autoptr(GtkStringList) securities = gtk_string_list_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();

  self->server_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->server_group, _("Outgoing Mail Server (SMTP)"));
  adw_preferences_group_set_description (self->server_group,
                                         _("The server your mail provider gives for sending email."));

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_valign (self->save_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->server_group, self->save_button);

  self->host_row = add_entry_row (self->server_group, _("Server"), GTK_INPUT_PURPOSE_URL);
  self->port_row = add_entry_row (self->server_group, _("Port (empty for the usual one)"), GTK_INPUT_PURPOSE_DIGITS);

  for (guint i = 0; i < GEST_N_SMTP_SECURITIES; i++)
    gtk_string_list_append (securities, gest_smtp_security_label (i));
  self->security_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->security_row), _("Security"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->security_row), G_LIST_MODEL (securities));
  adw_preferences_group_add (self->server_group, self->security_row);

  self->user_row = add_entry_row (self->server_group, _("User (empty if the server needs no login)"),
                                  GTK_INPUT_PURPOSE_FREE_FORM);
  self->password_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row),
                                 _("Password (kept in the keyring; empty keeps the saved one)"));
  adw_preferences_group_add (self->server_group, self->password_row);
  self->from_row = add_entry_row (self->server_group, _("Sender Address"), GTK_INPUT_PURPOSE_EMAIL);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->server_group);
}

static void
build_other_groups (GestMailPreferencesPage *self)
{
  GtkWidget *box;

  /* Conauto's documents address is on the Dealership page (gest-preferences-window.c). */
  self->test_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->test_group, _("Test"));
  adw_preferences_group_set_description (self->test_group,
                                         _("Sends a short email with the saved settings."));
  self->test_to_row = add_entry_row (self->test_group, _("Send Test To"), GTK_INPUT_PURPOSE_EMAIL);
  self->test_button = gtk_button_new_with_mnemonic (_("Send _Test Email"));
  gtk_widget_set_halign (self->test_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->test_button, "clicked", G_CALLBACK (test_clicked_cb), self);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->test_button);
  adw_preferences_group_add (self->test_group, box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->test_group);
}

static void
gest_mail_preferences_page_constructed (GObject *object)
{
  GestMailPreferencesPage *self = GEST_MAIL_PREFERENCES_PAGE (object);

  G_OBJECT_CLASS (gest_mail_preferences_page_parent_class)->constructed (object);

  build_server_group (self);
  build_other_groups (self);
  load_values (self);
}

static void
gest_mail_preferences_page_dispose (GObject *object)
{
  GestMailPreferencesPage *self = GEST_MAIL_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (gest_mail_preferences_page_parent_class)->dispose (object);
}

static void
gest_mail_preferences_page_finalize (GObject *object)
{
  GestMailPreferencesPage *self = GEST_MAIL_PREFERENCES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->saving_password, g_free);

  G_OBJECT_CLASS (gest_mail_preferences_page_parent_class)->finalize (object);
}

static void
gest_mail_preferences_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  GestMailPreferencesPage *self = GEST_MAIL_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_mail_preferences_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  GestMailPreferencesPage *self = GEST_MAIL_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_mail_preferences_page_class_init (GestMailPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gest_mail_preferences_page_constructed;
  object_class->dispose = gest_mail_preferences_page_dispose;
  object_class->finalize = gest_mail_preferences_page_finalize;
  object_class->set_property = gest_mail_preferences_page_set_property;
  object_class->get_property = gest_mail_preferences_page_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_mail_preferences_page_init (GestMailPreferencesPage *self)
{
  self->cancellable = g_cancellable_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Email"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "mail-send-symbolic");
}

GtkWidget *
gest_mail_preferences_page_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_MAIL_PREFERENCES_PAGE, "context", context, NULL);
}
