/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "gest-server-db.h"
#include "gest-server-request.h"

/* 256 random bits, base64url without padding: 43 characters. */
static char *
new_token (void)
{
  guint8 bytes[32];
  char *token;
  gsize filled = 0;

  while (filled < sizeof bytes)
    {
      ssize_t got = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (got > 0)
        filled += got;
      else if (errno != EINTR)
        g_error ("getrandom: %s", g_strerror (errno));
    }
  token = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  *strchr (token, '=') = '\0';
  return token;
}

/* The code as typed: upper case, without spaces or dashes. */
static char *
normalize_code (const char *code)
{
  GString *out = g_string_new (NULL);

  for (const char *p = code; *p != '\0'; p++)
    if (*p != '-' && *p != ' ')
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

void
gest_server_handle_enroll (GestServerRequest *req,
                           PGconn            *conn)
{
  g_autoptr(JsonObject) body = gest_server_request_body_object (req);
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *code = NULL;
  g_autofree char *code_hash = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  JsonNode *code_node;
  JsonNode *name_node;
  const char *name;

  if (body == NULL)
    return;
  code_node = json_object_get_member (body, "code");
  name_node = json_object_get_member (body, "device_name");
  if (code_node == NULL || json_node_get_value_type (code_node) != G_TYPE_STRING)
    {
      gest_server_request_error (req, 400, _("Enrollment needs “code”, the code from Conauto, as a string."));
      return;
    }
  if (name_node == NULL || json_node_get_value_type (name_node) != G_TYPE_STRING)
    {
      gest_server_request_error (req, 400, _("Enrollment needs “device_name”, a string that names this computer."));
      return;
    }
  name = json_node_get_string (name_node);
  if (*name == '\0' || g_utf8_strlen (name, -1) > 100)
    {
      gest_server_request_error (req, 400, _("The device name must have 1 to 100 characters."));
      return;
    }

  code = normalize_code (json_node_get_string (code_node));
  code_hash = gest_sha256_hex (code);
  token = new_token ();
  token_hash = gest_sha256_hex (token);
  res = gest_pg_query (conn, &error,
                       "SELECT device_id, dealer_id, device_number, dealer_number FROM gestiona_enroll ($1, $2, $3)",
                       3, code_hash, name, token_hash);
  if (res == NULL)
    {
      g_warning ("enroll: %s", error->message);
      gest_server_request_error (req, 503, _("The server could not enroll the device; try again later."));
      return;
    }
  if (PQntuples (res) != 1)
    {
      gest_server_request_error (req, 403, _("This enrollment code is used, expired or unknown: ask Conauto for a new one."));
      return;
    }

  /* The dealer has used every device number (each names a folio series): the code stays unused. */
  if (PQgetisnull (res, 0, 0) || PQgetisnull (res, 0, 2))
    {
      gest_server_request_error (req, 409, _("This dealer already has 99 enrolled devices, the most its "
                                             "folio series allow, so no other device can be enrolled. "
                                             "Ask Conauto for help."));
      return;
    }

  response = json_object_new ();
  json_object_set_string_member (response, "device_id", PQgetvalue (res, 0, 0));
  json_object_set_string_member (response, "dealer_id", PQgetvalue (res, 0, 1));
  json_object_set_int_member (response, "device_number", g_ascii_strtoll (PQgetvalue (res, 0, 2), NULL, 10));
  /* The dealer's number goes in its folios (#16.3); none for a dealer past the 999th. */
  if (!PQgetisnull (res, 0, 3))
    json_object_set_int_member (response, "dealer_number", g_ascii_strtoll (PQgetvalue (res, 0, 3), NULL, 10));
  json_object_set_string_member (response, "token", token);
  /* The largest document this server takes: the desktop refuses bigger files when attached (#16.4). */
  json_object_set_int_member (response, "max_blob", req->config->max_blob);
  gest_server_request_object (req, 200, response);
}
