/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gest-error.h"
#include "gest-server-config.h"

static gboolean
parse_listen (GestServerConfig  *config,
              const char        *text,
              GError           **error)
{
  const char *colon = strrchr (text, ':');
  guint64 port = 0;

  if (colon == NULL || colon == text
      || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The listen address “%s” is not valid: write host:port, for example 127.0.0.1:8080."),
                   text);
      return FALSE;
    }
  g_free (config->listen_host);
  config->listen_host = g_strndup (text, colon - text);
  config->listen_port = (guint) port;
  return TRUE;
}

static gboolean
parse_size (const char  *name,
            const char  *text,
            guint64      min,
            guint64      max,
            guint64     *out,
            GError     **error)
{
  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The setting %s is “%s”: write a whole number from %llu"
                     " to %llu."),
                   name, text, (unsigned long long) min, (unsigned long long) max);
      return FALSE;
    }
  return TRUE;
}

/* Applies one setting, from the key file or the environment. */
static gboolean
apply (GestServerConfig  *config,
       const char        *key,
       const char        *value,
       GError           **error)
{
  guint64 n = 0;

  if (g_str_equal (key, "listen"))
    return parse_listen (config, value, error);
  if (g_str_equal (key, "pg"))
    {
      g_free (config->pg);
      config->pg = g_strdup (value);
      return TRUE;
    }
  if (g_str_equal (key, "admin_pg"))
    {
      g_free (config->admin_pg);
      config->admin_pg = g_strdup (value);
      return TRUE;
    }
  if (g_str_equal (key, "max_body"))
    {
      if (!parse_size (key, value, 1024, G_MAXINT32, &n, error))
        return FALSE;
      config->max_body = n;
      return TRUE;
    }
  if (g_str_equal (key, "max_blob"))
    {
      /* bytea holds at most 1 GB. */
      if (!parse_size (key, value, 1, 1000000000, &n, error))
        return FALSE;
      config->max_blob = n;
      return TRUE;
    }
  if (g_str_equal (key, "max_enroll_body"))
    {
      if (!parse_size (key, value, 1024, G_MAXINT32, &n, error))
        return FALSE;
      config->max_enroll_body = n;
      return TRUE;
    }
  if (g_str_equal (key, "timeout"))
    {
      if (!parse_size (key, value, 1, 3600, &n, error))
        return FALSE;
      config->timeout = n;
      return TRUE;
    }
  if (g_str_equal (key, "max_connections"))
    {
      if (!parse_size (key, value, 1, 1000000, &n, error))
        return FALSE;
      config->max_connections = n;
      return TRUE;
    }
  if (g_str_equal (key, "max_connections_per_ip"))
    {
      if (!parse_size (key, value, 0, 1000000, &n, error))
        return FALSE;
      config->max_connections_per_ip = n;
      return TRUE;
    }
  if (g_str_equal (key, "backlog"))
    {
      if (!parse_size (key, value, 1, 65535, &n, error))
        return FALSE;
      config->backlog = n;
      return TRUE;
    }
  if (g_str_equal (key, "workers"))
    {
      if (!parse_size (key, value, 1, 256, &n, error))
        return FALSE;
      config->workers = n;
      return TRUE;
    }
  if (g_str_equal (key, "booking_per_hour"))
    {
      if (!parse_size (key, value, 1, 100000, &n, error))
        return FALSE;
      config->booking_per_hour = n;
      return TRUE;
    }
  if (g_str_equal (key, "trust_proxy"))
    {
      if (g_ascii_strcasecmp (value, "true") == 0 || g_str_equal (value, "1"))
        config->trust_proxy = TRUE;
      else if (g_ascii_strcasecmp (value, "false") == 0 || g_str_equal (value, "0"))
        config->trust_proxy = FALSE;
      else
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("The setting trust_proxy is “%s”: write true or false."), value);
          return FALSE;
        }
      return TRUE;
    }
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("Unknown setting “%s”: the [server] group knows listen, pg, admin_pg, max_body, max_enroll_body, max_blob, workers, timeout, max_connections, max_connections_per_ip, backlog, booking_per_hour and trust_proxy."),
               key);
  return FALSE;
}

GestServerConfig *
gest_server_config_load (const char  *path,
                         GError     **error)
{
  static const struct { const char *key; const char *env; } envs[] = {
    { "listen", "GESTIONA_SERVER_LISTEN" },
    { "pg", "GESTIONA_SERVER_PG" },
    { "admin_pg", "GESTIONA_SERVER_ADMIN_PG" },
    { "max_body", "GESTIONA_SERVER_MAX_BODY" },
    { "max_blob", "GESTIONA_SERVER_MAX_BLOB" },
    { "workers", "GESTIONA_SERVER_WORKERS" },
    { "max_enroll_body", "GESTIONA_SERVER_MAX_ENROLL_BODY" },
    { "timeout", "GESTIONA_SERVER_TIMEOUT" },
    { "max_connections", "GESTIONA_SERVER_MAX_CONNECTIONS" },
    { "max_connections_per_ip", "GESTIONA_SERVER_MAX_CONNECTIONS_PER_IP" },
    { "backlog", "GESTIONA_SERVER_BACKLOG" },
    { "booking_per_hour", "GESTIONA_SERVER_BOOKING_PER_HOUR" },
    { "trust_proxy", "GESTIONA_SERVER_TRUST_PROXY" },
  };
  g_autoptr(GestServerConfig) config = g_new0 (GestServerConfig, 1);
  const char *file = path != NULL ? path : GEST_SERVER_DEFAULT_CONFIG;

  config->listen_host = g_strdup ("127.0.0.1");
  config->listen_port = 8080;
  config->pg = g_strdup ("dbname=gestiona user=gestiona_app");
  config->max_body = 16 * 1024 * 1024;
  config->max_blob = 256 * 1024 * 1024;
  config->workers = 4;
  config->max_enroll_body = 64 * 1024;
  config->timeout = 30;
  config->max_connections = 4096;
  config->max_connections_per_ip = 0;
  config->backlog = 1024;
  config->booking_per_hour = 10;
  config->trust_proxy = FALSE;

  if (path != NULL || g_file_test (file, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GKeyFile) kf = g_key_file_new ();
      g_autoptr(GError) local_error = NULL;
      g_auto(GStrv) keys = NULL;

      if (!g_key_file_load_from_file (kf, file, G_KEY_FILE_NONE, &local_error))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("Could not read the configuration file %s: %s"), file, local_error->message);
          return NULL;
        }
      keys = g_key_file_get_keys (kf, "server", NULL, NULL);
      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        {
          g_autofree char *value = g_key_file_get_string (kf, "server", keys[i], NULL);

          if (value != NULL && !apply (config, keys[i], value, error))
            {
              g_prefix_error (error, "%s: ", file);
              return NULL;
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (envs); i++)
    {
      const char *value = g_getenv (envs[i].env);

      if (value != NULL && *value != '\0' && !apply (config, envs[i].key, value, error))
        {
          g_prefix_error (error, "%s: ", envs[i].env);
          return NULL;
        }
    }

  if (config->admin_pg == NULL)
    config->admin_pg = g_strdup (config->pg);

  return g_steal_pointer (&config);
}

void
gest_server_config_free (GestServerConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->listen_host);
  g_free (config->pg);
  g_free (config->admin_pg);
  g_free (config);
}
