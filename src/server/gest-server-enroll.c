/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "gest-error.h"
#include "gest-server-authz.h"
#include "gest-server-db.h"
#include "gest-server-records.h"
#include "gest-server-request.h"
#include "gest-server-updates.h"

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

/* Issue 12: the desktop's users, sent at enrollment (the trusted moment: Conauto's code), become
 * the dealer's users when the server has none; otherwise the server keeps its own and the
 * desktop takes them through pull. Returns "taken" or "server", or NULL on a database fault. */
static const char *
take_users (PGconn      *conn,
            const char  *dealer_id,
            JsonArray   *users,
            GError     **error)
{
  g_autoptr(GestServerAuthors) authors = NULL;
  guint taken = 0;

  if (!gest_pg_begin_dealer (conn, dealer_id, error)
      || !gest_record_lock_dealer (conn, dealer_id, error)
      || (authors = gest_server_authors_load (conn, dealer_id, error)) == NULL)
    goto fail;
  if (gest_server_authors_any (authors))
    {
      gest_pg_rollback (conn);
      return "server";
    }
  for (guint i = 0; users != NULL && i < json_array_get_length (users); i++)
    {
      JsonNode *node = json_array_get_element (users, i);
      JsonObject *user, *fields;
      const char *uuid;
      g_autofree char *problem = NULL;
      GList *names;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      user = json_node_get_object (node);
      uuid = json_object_get_string_member_with_default (user, "uuid", "");
      node = json_object_get_member (user, "fields");
      if (!gest_server_uuid_canonical (uuid) || node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      fields = json_node_get_object (node);
      problem = gest_server_user_fields_check (fields, TRUE);
      if (problem == NULL)
        problem = gest_server_check_values (fields);
      names = json_object_get_members (fields);
      for (GList *l = names; problem == NULL && l != NULL; l = l->next)
        if (!gest_server_field_name_valid (l->data))
          problem = g_strdup ("field name");
      g_list_free (names);
      if (problem != NULL)
        {
          g_message ("enroll: user %s not taken: %s", uuid, problem);
          continue;
        }
      if (gest_record_write_server (conn, dealer_id, "user", uuid, fields, error) == 0)
        goto fail;
      taken++;
    }
  if (!gest_pg_commit (conn, error))
    goto fail;
  return taken > 0 ? "taken" : "none";

fail:
  gest_pg_rollback (conn);
  return NULL;
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
  JsonNode *users_node;
  const char *name;
  const char *users = NULL;
  g_autofree char *public_key = NULL;

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
  users_node = json_object_get_member (body, "users");
  if (users_node != NULL && !JSON_NODE_HOLDS_ARRAY (users_node))
    {
      gest_server_request_error (req, 400, _("“users” must be an array of the desktop’s users."));
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

  /* The device is enrolled; its users and Conauto's key come with the answer. A fault here
   * leaves the enrollment as it is: the desktop then pulls the dealer's users. */
  users = take_users (conn, PQgetvalue (res, 0, 1),
                      users_node != NULL ? json_node_get_array (users_node) : NULL, &error);
  if (users == NULL)
    {
      g_warning ("enroll: users: %s", error->message);
      g_clear_error (&error);
    }
  public_key = gest_server_signing_public_key (conn, &error);
  if (public_key == NULL)
    {
      g_warning ("enroll: signing key: %s", error->message);
      g_clear_error (&error);
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
  if (users != NULL)
    json_object_set_string_member (response, "users", users);
  if (public_key != NULL)
    json_object_set_string_member (response, "conauto_public_key", public_key);
  gest_server_request_object (req, 200, response);
}
