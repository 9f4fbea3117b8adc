/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-workflow.h"
#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-server-authz.h"
#include "gest-server-db.h"
#include "gest-server-records.h"
#include "gest-tramite-workflow.h"
#include "gest-annulment-workflow.h"
#include "gest-campaign-workflow.h"
#include "gest-retention-workflow.h"
#include "gest-agenda-workflow.h"

typedef struct
{
  char     *uuid;
  char     *login;
  char     *name;
  GestRole  role;
  gboolean  role_known;
  gboolean  active;
} Author;

struct _GestServerAuthors
{
  GHashTable *by_uuid;    /* uuid → Author* (owned) */
};

/* A trámite's checklist and payment fields (T6): who may change them. */
static const char * const checklist_fields[] = {
  "docs_sent_at", "insurance_cancelled_at", "invoice_released_at", "invoice_delivered_at",
  "ack_returned_at",
};
static const char * const payment_fields[] = {
  "payment_amount", "payment_date", "payment_reference", "payment_proof_uuid",
};

static void
author_free (Author *a)
{
  g_free (a->uuid);
  g_free (a->login);
  g_free (a->name);
  g_free (a);
}

/* The permissions table with the trámite rows, as the desktop registers them. */
static void
ensure_permissions (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint n = 0;
      const GestPermission *rows = gest_tramite_permissions_get (&n);

      gest_permissions_add (rows, n);
      rows = gest_complaint_permissions_get (&n);
      gest_permissions_add (rows, n);
      rows = gest_annulment_permissions_get (&n);
      gest_permissions_add (rows, n);
      rows = gest_campaign_permissions_get (&n);
      gest_permissions_add (rows, n);
      rows = gest_retention_permissions_get (&n);
      gest_permissions_add (rows, n);
      rows = gest_agenda_permissions_get (&n);
      gest_permissions_add (rows, n);
      g_once_init_leave (&done, 1);
    }
}

static gboolean
flag_true (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;   /* a user is active unless it says otherwise */
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node) != 0;
  return FALSE;
}

static void
put_author (GestServerAuthors *self,
            const char        *uuid,
            JsonObject        *data,
            gboolean           deleted)
{
  Author *a;
  const char *role;

  if (data == NULL || deleted)
    {
      g_hash_table_remove (self->by_uuid, uuid);
      return;
    }
  a = g_new0 (Author, 1);
  a->uuid = g_strdup (uuid);
  a->login = g_strdup (json_object_get_string_member_with_default (data, "login", ""));
  a->name = g_strdup (json_object_get_string_member_with_default (data, "name", a->login));
  role = json_object_get_string_member_with_default (data, "role", "");
  a->role_known = gest_role_from_id (role, &a->role) && gest_role_is_dealer (a->role);
  a->active = flag_true (json_object_get_member (data, "active")) && a->login[0] != '\0';
  g_hash_table_replace (self->by_uuid, a->uuid, a);
}

static Author *
find_login (GestServerAuthors *self,
            const char        *login)
{
  GHashTableIter iter;
  Author *a;

  g_hash_table_iter_init (&iter, self->by_uuid);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &a))
    if (g_str_equal (a->login, login))
      return a;
  return NULL;
}

/* The value of @field in @fields when sent, else the record's. */
static JsonNode *
merged (JsonObject            *fields,
        const GestRecordState *current,
        const char            *field)
{
  if (fields != NULL && json_object_has_member (fields, field))
    return json_object_get_member (fields, field);
  if (current != NULL && current->exists && current->data != NULL)
    return json_object_get_member (current->data, field);
  return NULL;
}

/* Whether @fields sends @field with a value other than the record's. */
static gboolean
changes (JsonObject            *fields,
         const GestRecordState *current,
         const char            *field)
{
  JsonNode *sent, *have = NULL;

  if (fields == NULL || !json_object_has_member (fields, field))
    return FALSE;
  sent = json_object_get_member (fields, field);
  if (current != NULL && current->exists && current->data != NULL)
    have = json_object_get_member (current->data, field);
  if (have == NULL)
    return !JSON_NODE_HOLDS_NULL (sent);
  return !json_node_equal (sent, have);
}

static gboolean
get_int (JsonNode *node,
         gint64   *out)
{
  return node != NULL && gest_json_get_int (node, out);
}

/* The permissions a trámite mutation needs, appended to @needed. */
static void
tramite_needs (JsonObject            *fields,
               const GestRecordState *current,
               gboolean               is_delete,
               GPtrArray             *needed)
{
  gboolean is_new = current == NULL || !current->exists || current->deleted;
  gint64 from = 0, to = 0, agreed = 0, limit = 0, paid = 0;

  if (is_delete || is_new)
    g_ptr_array_add (needed, (gpointer) GEST_TRAMITE_PERMISSION_REGISTER);
  if (!is_new)
    get_int (merged (NULL, current, "step"), &from);
  if (fields != NULL && get_int (json_object_get_member (fields, "step"), &to) && to != from
      && !(is_new && to == 1))
    {
      if (to > from)
        g_ptr_array_add (needed, (gpointer) gest_tramite_permission_step ((int) CLAMP (to, 1, 8)));
      else
        g_ptr_array_add (needed, (gpointer) GEST_TRAMITE_PERMISSION_STEP_BACK);
    }
  for (guint i = 0; i < G_N_ELEMENTS (checklist_fields); i++)
    if (changes (fields, current, checklist_fields[i]))
      {
        g_ptr_array_add (needed, (gpointer) GEST_TRAMITE_PERMISSION_CHECKLIST);
        break;
      }
  for (guint i = 0; i < G_N_ELEMENTS (payment_fields); i++)
    if (changes (fields, current, payment_fields[i]))
      {
        g_ptr_array_add (needed, (gpointer) GEST_TRAMITE_PERMISSION_PAYMENT);
        break;
      }
  /* T3, T5: an agreed amount above the statement's balance or below its overdue amount, or a
   * payment that differs from the agreed amount, is an approval. */
  if (changes (fields, current, "agreed_amount") && get_int (merged (fields, current, "agreed_amount"), &agreed)
      && ((get_int (merged (fields, current, "statement_balance"), &limit) && agreed > limit)
          || (get_int (merged (fields, current, "statement_overdue"), &limit) && agreed < limit)))
    g_ptr_array_add (needed, (gpointer) GEST_TRAMITE_PERMISSION_APPROVE);
  else if (changes (fields, current, "payment_amount") && get_int (merged (fields, current, "payment_amount"), &paid)
           && get_int (merged (fields, current, "agreed_amount"), &agreed) && paid != agreed)
    g_ptr_array_add (needed, (gpointer) GEST_TRAMITE_PERMISSION_APPROVE);
}

/* Issue 13: the permissions a complaint mutation needs, as the desktop's functions check them
 * (src/complaints/gest-complaint-workflow.c): the head's approval only by the roles allowed. */
static void
complaint_needs (JsonObject            *fields,
                 const GestRecordState *current,
                 gboolean               is_delete,
                 GPtrArray             *needed)
{
  gboolean is_new = current == NULL || !current->exists || current->deleted;
  gint64 from = -1, to = -1;
  const char *permission;

  if (is_delete || is_new)
    g_ptr_array_add (needed, (gpointer) GEST_COMPLAINT_PERMISSION_REGISTER);
  if (!is_new)
    get_int (merged (NULL, current, "stage"), &from);
  if (fields != NULL && get_int (json_object_get_member (fields, "stage"), &to) &&
      (permission = gest_complaint_workflow_move_permission ((int) CLAMP (from, -1, 6), (int) CLAMP (to, 0, 6))) != NULL)
    g_ptr_array_add (needed, (gpointer) permission);
  if (fields != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l != NULL; l = l->next)
        if (changes (fields, current, l->data) &&
            (permission = gest_complaint_workflow_field_permission (l->data)) != NULL)
          g_ptr_array_add (needed, (gpointer) permission);
    }
}

static void
need_once (GPtrArray  *needed,
           const char *permission)
{
  if (!g_ptr_array_find (needed, permission, NULL))
    g_ptr_array_add (needed, (gpointer) permission);
}

/* Q1-Q4: the permissions an annulment mutation needs: a step forward its step's (approval by
 * the head, the annulled list and the re-invoicing by the coordinator), a step back the
 * head's, each approval's fields their step's, the request's data annulments.request. */
static void
annulment_needs (JsonObject            *fields,
                 const GestRecordState *current,
                 gboolean               is_delete,
                 GPtrArray             *needed)
{
  gboolean is_new = current == NULL || !current->exists || current->deleted;
  g_autoptr(GList) names = NULL;
  gint64 from = 0, to = 0;

  if (is_delete || is_new)
    need_once (needed, GEST_ANNULMENT_PERMISSION_REQUEST);
  if (!is_new)
    get_int (merged (NULL, current, "stage"), &from);
  if (fields != NULL && get_int (json_object_get_member (fields, "stage"), &to) && to != from)
    need_once (needed, to > from && gest_annulment_permission_for_stage ((int) to) != NULL
                       ? gest_annulment_permission_for_stage ((int) to)
                       : GEST_ANNULMENT_PERMISSION_APPROVE);
  if (fields == NULL)
    return;
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "stage") && changes (fields, current, l->data))
      need_once (needed, gest_annulment_permission_for_field (l->data));
}

GestServerAuthors *
gest_server_authors_load (PGconn      *conn,
                          const char  *dealer_id,
                          GError     **error)
{
  g_autoptr(GestServerAuthors) self = g_new0 (GestServerAuthors, 1);
  g_autoptr(PGresult) res = NULL;

  ensure_permissions ();
  self->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) author_free);
  res = gest_pg_query_classified (conn, error,
                                  "SELECT uuid, data FROM records"
                                  " WHERE dealer_id = $1 AND entity = 'user' AND NOT deleted",
                                  1, dealer_id);
  if (res == NULL)
    return NULL;
  for (int r = 0; r < PQntuples (res); r++)
    {
      g_autoptr(JsonObject) data = gest_json_object_parse (PQgetvalue (res, r, 1), NULL);

      put_author (self, PQgetvalue (res, r, 0), data, FALSE);
    }
  return g_steal_pointer (&self);
}

void
gest_server_authors_free (GestServerAuthors *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_free (self);
}

gboolean
gest_server_authors_any (GestServerAuthors *self)
{
  /* Deactivated users count: deactivating everybody must not open the dealer to anyone. */
  return g_hash_table_size (self->by_uuid) > 0;
}

void
gest_server_authors_update (GestServerAuthors     *self,
                            const char            *uuid,
                            const GestRecordState *state)
{
  put_author (self, uuid, state->data, state->deleted);
}

char *
gest_server_user_fields_check (JsonObject *fields,
                               gboolean    is_new)
{
  JsonNode *node;
  GestRole role;

  if (fields == NULL)
    return NULL;
  node = json_object_get_member (fields, "login");
  if ((node != NULL || is_new)
      && (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING || json_node_get_string (node)[0] == '\0'))
    return g_strdup (_("A user needs a login."));
  node = json_object_get_member (fields, "role");
  if ((node != NULL || is_new)
      && (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING
          || !gest_role_from_id (json_node_get_string (node), &role) || !gest_role_is_dealer (role)))
    return g_strdup_printf (_("“%s” is not a role of a dealer’s user: Conauto’s steps come only from Conauto."),
                            node != NULL && json_node_get_value_type (node) == G_TYPE_STRING
                            ? json_node_get_string (node) : "");
  return NULL;
}

/* Issue 15: a new reservation is a booking (a new lead an offer answered); a change needs the
 * permission of each field it changes (an advisor marks an arrival: agenda.arrive, not
 * agenda.book; sales a lead's outcome: agenda.leads). */
static void
reservation_needs (const char            *entity,
                   JsonObject            *fields,
                   const GestRecordState *current,
                   gboolean               is_delete,
                   GPtrArray             *needed)
{
  gboolean lead = g_str_equal (entity, "test_drive_lead");
  gboolean is_new = current == NULL || !current->exists || current->deleted;
  JsonNode *state = merged (fields, current, "state");
  const char *state_id = state != NULL && json_node_get_value_type (state) == G_TYPE_STRING
                         ? json_node_get_string (state) : NULL;
  g_autoptr(GList) names = NULL;

  if (is_delete || is_new || fields == NULL)
    {
      g_ptr_array_add (needed, (gpointer) (lead ? GEST_AGENDA_PERMISSION_TEST_DRIVES
                                           : is_delete ? GEST_AGENDA_PERMISSION_CONFIRM : GEST_AGENDA_PERMISSION_BOOK));
      return;
    }
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    if (changes (fields, current, l->data))
      {
        const char *permission = lead ? gest_agenda_lead_field_permission (l->data)
                                      : gest_agenda_reservation_field_permission (l->data, state_id);

        if (!g_ptr_array_find (needed, permission, NULL))
          g_ptr_array_add (needed, (gpointer) permission);
      }
}

char *
gest_server_authz_check (GestServerAuthors     *self,
                         const char            *login,
                         const char            *entity,
                         const char            *uuid,
                         gboolean               is_delete,
                         JsonObject            *fields,
                         const GestRecordState *current)
{
  g_autoptr(GPtrArray) needed = g_ptr_array_new ();
  gboolean is_new = current == NULL || !current->exists || current->deleted;
  Author *author;

  if (g_str_equal (entity, "user"))
    {
      g_autofree char *problem = is_delete ? NULL : gest_server_user_fields_check (fields, is_new);

      if (problem != NULL)
        return g_steal_pointer (&problem);
    }

  /* Being set up: no user on the server yet, so none to check against. */
  if (!gest_server_authors_any (self))
    return NULL;

  if (login == NULL || login[0] == '\0')
    return g_strdup (_("It has no author (nobody was signed in on the desktop that made it), and "
                       "this dealer has users. Sign in and make the change again."));
  author = find_login (self, login);
  if (author == NULL)
    return g_strdup_printf (_("“%s” is not a user of this dealer on the server. Sign in as one of the "
                              "dealer’s users and make it again."),
                            login);
  if (!author->active)
    return g_strdup_printf (_("The user “%s” is deactivated on the server."),
                            login);
  if (!author->role_known)
    return g_strdup_printf (_("The user “%s” has no role of a dealer’s user on the server."),
                            login);

  if (g_str_equal (entity, "user"))
    {
      /* Their own password, and nothing else: the desktop checked the old one. */
      if (g_str_equal (uuid, author->uuid) && !is_delete && fields != NULL
          && json_object_get_size (fields) == 1 && json_object_has_member (fields, "password_hash"))
        return NULL;
      g_ptr_array_add (needed, (gpointer) GEST_PERMISSION_MANAGE_USERS);
      /* Nobody changes their own role: a manager cannot make themself another role. */
      if (g_str_equal (uuid, author->uuid) && changes (fields, current, "role"))
        return g_strdup_printf (_("For the server, %s (%s) cannot change their own role; another "
                                  "general manager must do it."),
                                author->name, gest_role_label (author->role));
    }
  else if (g_str_equal (entity, "tramite"))
    tramite_needs (fields, current, is_delete, needed);
  else if (g_str_equal (entity, "complaint"))
    complaint_needs (fields, current, is_delete, needed);
  else if (g_str_equal (entity, "complaint_task"))
    g_ptr_array_add (needed, (gpointer) GEST_COMPLAINT_PERMISSION_TASKS);
  else if (g_str_equal (entity, "complaint_catalog"))
    g_ptr_array_add (needed, (gpointer) GEST_COMPLAINT_PERMISSION_CATALOGS);
  else if (g_str_equal (entity, "annulment"))
    annulment_needs (fields, current, is_delete, needed);
  else if (g_str_equal (entity, "annulled_customer"))
    g_ptr_array_add (needed, (gpointer) GEST_ANNULMENT_PERMISSION_REGISTER);
  else if (gest_campaign_permission_for_entity (entity) != NULL)
    g_ptr_array_add (needed, (gpointer) gest_campaign_permission_for_entity (entity));
  else if (gest_retention_permission_for_entity (entity) != NULL)   /* issue 14 */
    g_ptr_array_add (needed, (gpointer) gest_retention_permission_for_entity (entity));
  else if (g_str_equal (entity, "reservation") || g_str_equal (entity, "test_drive_lead"))   /* issue 15 */
    reservation_needs (entity, fields, current, is_delete, needed);
  else if (gest_agenda_permission_for_entity (entity) != NULL)
    g_ptr_array_add (needed, (gpointer) gest_agenda_permission_for_entity (entity));
  else if (g_str_equal (entity, "customer") || g_str_equal (entity, "vehicle"))
    g_ptr_array_add (needed, (gpointer) GEST_PERMISSION_EDIT_CUSTOMERS);
  else if (g_str_equal (entity, "plan"))
    g_ptr_array_add (needed, (gpointer) GEST_PERMISSION_EDIT_PLANS);
  else if (g_str_equal (entity, "template"))
    g_ptr_array_add (needed, (gpointer) GEST_PERMISSION_EDIT_TEMPLATES);
  else if (g_str_equal (entity, "holiday"))
    g_ptr_array_add (needed, (gpointer) GEST_PERMISSION_DEALER_SETTINGS);
  else if (g_str_equal (entity, "setting"))
    {
      JsonNode *key = merged (fields, current, "key");
      const char *text = key != NULL && json_node_get_value_type (key) == G_TYPE_STRING ? json_node_get_string (key) : "";

      /* T2's thresholds, areas and phones; any other setting is the dealer's. */
      g_ptr_array_add (needed, g_str_has_prefix (text, "routing.") ? (gpointer) GEST_PERMISSION_ROUTING_SETTINGS
                                                                   : (gpointer) GEST_PERMISSION_DEALER_SETTINGS);
    }

  for (guint i = 0; i < needed->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!gest_permission_check (author->role, author->name, g_ptr_array_index (needed, i), &error))
        /* Translators: the permission's refusal, with the role the server knows. */
        return g_strdup_printf (_("For the server, %s"), error->message);
    }
  return NULL;
}
