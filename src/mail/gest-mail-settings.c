/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-mail-settings"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "gest-mail-settings.h"

static const char * const security_ids[GEST_N_SMTP_SECURITIES] = { "none", "starttls", "tls" };
static const guint default_ports[GEST_N_SMTP_SECURITIES] = { 25, 587, 465 };

static const SecretSchema *
smtp_schema (void)
{
  static const SecretSchema schema = {
    "io.github.gestiona.Gestiona.Smtp", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

static char *
get_setting_or_empty (GestStore  *store,
                      const char *key)
{
  char *value = gest_store_get_setting (store, key);

  if (value == NULL)
    return g_strdup ("");

  return g_strstrip (value);
}

static gboolean
has_blank_or_break (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        return TRUE;
    }

  return FALSE;
}

/* Every failure of the keyring becomes the same advice: the usual cause is that no Secret
 * Service (GNOME Keyring, KeePassXC...) runs in the session, or that it is locked. */
static void
set_keyring_error (GError       **error,
                   const GError  *cause)
{
  g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
               _("The SMTP password could not be reached in the keyring (%s). Gestiona keeps it in "
                 "the Secret Service: install and unlock a keyring such as GNOME Keyring, then "
                 "enter the password again in Preferences, Email."),
               cause->message);
}

const char *
gest_smtp_security_id (GestSmtpSecurity security)
{
  g_return_val_if_fail (security < GEST_N_SMTP_SECURITIES, NULL);

  return security_ids[security];
}

gboolean
gest_smtp_security_from_id (const char       *id,
                            GestSmtpSecurity *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; id != NULL && i < GEST_N_SMTP_SECURITIES; i++)
    {
      if (g_str_equal (id, security_ids[i]))
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
gest_smtp_security_label (GestSmtpSecurity security)
{
  switch (security)
    {
    case GEST_SMTP_SECURITY_NONE:
      return _("None (unencrypted)");
    case GEST_SMTP_SECURITY_STARTTLS:
      return _("STARTTLS");
    case GEST_SMTP_SECURITY_TLS:
      return _("TLS");
    case GEST_N_SMTP_SECURITIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
gest_smtp_security_default_port (GestSmtpSecurity security)
{
  g_return_val_if_fail (security < GEST_N_SMTP_SECURITIES, 0);

  return default_ports[security];
}

gboolean
gest_mail_address_is_valid (const char *address)
{
  const char *at;

  if (address == NULL || *address == '\0' || has_blank_or_break (address) ||
      strpbrk (address, "<>,;\"()[]\\") != NULL || !g_utf8_validate (address, -1, NULL))
    return FALSE;

  at = strchr (address, '@');

  return at != NULL && at != address && strchr (at + 1, '@') == NULL &&
         at[1] != '\0' && at[1] != '.' && address[strlen (address) - 1] != '.';
}

void
gest_mail_settings_load (GestStore        *store,
                         GestMailSettings *out)
{
  g_autofree char *port = NULL;
  g_autofree char *security = NULL;
  guint64 port_value = 0;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (out != NULL);

  out->host = get_setting_or_empty (store, "smtp.host");
  out->user = get_setting_or_empty (store, "smtp.user");
  out->from = get_setting_or_empty (store, "smtp.from");

  security = get_setting_or_empty (store, "smtp.security");
  if (!gest_smtp_security_from_id (security, &out->security))
    out->security = GEST_SMTP_SECURITY_STARTTLS;

  port = get_setting_or_empty (store, "smtp.port");
  if (*port != '\0' && g_ascii_string_to_unsigned (port, 10, 1, 65535, &port_value, NULL))
    out->port = port_value;
  else
    out->port = 0;
}

void
gest_mail_settings_clear (GestMailSettings *settings)
{
  g_clear_pointer (&settings->host, g_free);
  g_clear_pointer (&settings->user, g_free);
  g_clear_pointer (&settings->from, g_free);
}

guint
gest_mail_settings_get_port (const GestMailSettings *settings)
{
  g_return_val_if_fail (settings != NULL, 0);

  return settings->port != 0 ? settings->port : gest_smtp_security_default_port (settings->security);
}

gboolean
gest_mail_settings_check_ready (const GestMailSettings  *settings,
                                GError                 **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->host == NULL || *settings->host == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("No outgoing mail server is set. Enter the SMTP server in Preferences, Email."));
      return FALSE;
    }

  if (!gest_mail_address_is_valid (settings->from))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("No sender address is set. Enter the address emails are sent from in Preferences, Email."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_settings (const GestMailSettings  *settings,
                GError                 **error)
{
  const char *host = settings->host != NULL ? settings->host : "";
  const char *user = settings->user != NULL ? settings->user : "";
  const char *from = settings->from != NULL ? settings->from : "";

  if (*host == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Enter the outgoing mail server (SMTP) your mail provider gives, such as smtp.example.com."));
      return FALSE;
    }

  if (has_blank_or_break (host) || strpbrk (host, "/@") != NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a mail server name. Enter a name such as smtp.example.com, without spaces."),
                   host);
      return FALSE;
    }

  if (settings->port > 65535)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The port %u is not valid. Enter a number from 1 to 65535, or leave it empty for the usual port."),
                   settings->port);
      return FALSE;
    }

  if (settings->security >= GEST_N_SMTP_SECURITIES)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Choose the connection security: none, STARTTLS or TLS."));
      return FALSE;
    }

  if (has_blank_or_break (user))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The user name “%s” contains spaces. Enter it as the mail provider gave it."), user);
      return FALSE;
    }

  if (!gest_mail_address_is_valid (from))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not an email address. Enter the sender address as name@domain."), from);
      return FALSE;
    }

  return TRUE;
}

gboolean
gest_mail_settings_save (GestStore               *store,
                         const GestMailSettings  *settings,
                         GError                 **error)
{
  g_autofree char *port = NULL;
  gboolean own, ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!check_settings (settings, error))
    return FALSE;

  port = settings->port != 0 ? g_strdup_printf ("%u", settings->port) : g_strdup ("");
  if (!gest_store_begin_change (store, "gest_mail_settings", &own, error))
    return FALSE;
  ok = gest_store_set_setting (store, "smtp.host", settings->host, error) &&
       gest_store_set_setting (store, "smtp.port", port, error) &&
       gest_store_set_setting (store, "smtp.security", security_ids[settings->security], error) &&
       gest_store_set_setting (store, "smtp.user", settings->user != NULL ? settings->user : "", error) &&
       gest_store_set_setting (store, "smtp.from", settings->from, error);
  return gest_store_end_change (store, "gest_mail_settings", own, ok, error);
}

static void
settings_free (GestMailSettings *settings)
{
  gest_mail_settings_clear (settings);
  g_free (settings);
}

/* On the writer thread. */
static gboolean
save_write (GestStore  *store,
            gpointer    data,
            GError    **error)
{
  return gest_mail_settings_save (store, data, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (gest_store_write_finish (GEST_STORE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gest_mail_settings_save_async (GestStore               *store,
                               const GestMailSettings  *settings,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  GestMailSettings *copy;
  GError *error = NULL;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (settings != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_mail_settings_save_async);
  if (!check_settings (settings, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  copy = g_new0 (GestMailSettings, 1);
  copy->host = g_strdup (settings->host);
  copy->port = settings->port;
  copy->security = settings->security;
  copy->user = g_strdup (settings->user);
  copy->from = g_strdup (settings->from);
  gest_store_write_async (store, save_write, copy, (GDestroyNotify) settings_free, cancellable,
                          saved_cb, g_steal_pointer (&task));
}

gboolean
gest_mail_settings_save_finish (GestStore     *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
gest_mail_password_lookup_sync (const char    *host,
                                const char    *user,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *override = g_getenv ("GESTIONA_SMTP_PASSWORD");
  char *password;

  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);

  if (override != NULL)
    return g_strdup (override);

  password = secret_password_lookup_sync (smtp_schema (), cancellable, &local_error,
                                          "host", host, "user", user, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return NULL;
    }

  return password;
}

static void
password_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean clearing = GPOINTER_TO_INT (g_task_get_task_data (task));

  if (clearing)
    secret_password_clear_finish (result, &error);
  else
    secret_password_store_finish (result, &error);

  if (error != NULL)
    {
      GError *translated = NULL;

      set_keyring_error (&translated, error);
      g_task_return_error (task, translated);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
gest_mail_password_store (const char          *host,
                          const char          *user,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (host != NULL);
  g_return_if_fail (user != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gest_mail_password_store);

  if (password == NULL || *password == '\0')
    {
      g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
      secret_password_clear (smtp_schema (), cancellable, password_done_cb, task,
                             "host", host, "user", user, NULL);
      return;
    }

  /* The label is what the keyring application shows. */
  label = g_strdup_printf (_("Gestiona SMTP password for %s on %s"), user, host);
  secret_password_store (smtp_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, password_done_cb, task,
                         "host", host, "user", user, NULL);
}

gboolean
gest_mail_password_store_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
