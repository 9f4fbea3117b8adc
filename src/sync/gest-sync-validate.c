/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-contact.h"
#include "gest-date.h"
#include "gest-document.h"
#include "gest-folio.h"
#include "gest-rfc.h"
#include "gest-vin.h"
#include "gest-sync-private.h"
#include "gest-sync-validate.h"

/* Issue 16.6: a pulled change is checked before it is applied, and a queued local change
 * before it is pushed, with the validators of the forms (src/core). A change that fails is
 * never applied or sent: the caller records why (sync_log) and goes on with the rest. */

/* The shared entities' columns (gest-sync-apply.c), by name: a name means the same in every
 * shared entity. The modules check their own entities' columns (GestEntityInfo's validate). */
static const GestFieldSpec fields_spec[] = {
  { "kind", GEST_FIELD_TEXT }, { "name", GEST_FIELD_TEXT }, { "rfc", GEST_FIELD_RFC },
  { "fiscal_postal_code", GEST_FIELD_POSTAL }, { "street", GEST_FIELD_TEXT },
  { "ext_number", GEST_FIELD_TEXT }, { "int_number", GEST_FIELD_TEXT },
  { "neighborhood", GEST_FIELD_TEXT }, { "city", GEST_FIELD_TEXT },
  { "state_code", GEST_FIELD_STATE }, { "postal_code", GEST_FIELD_POSTAL },
  { "email", GEST_FIELD_EMAIL }, { "phone_mobile", GEST_FIELD_PHONE },
  { "phone_home", GEST_FIELD_PHONE }, { "phone_work", GEST_FIELD_PHONE },
  { "fiscal_regime", GEST_FIELD_TEXT }, { "cfdi_use", GEST_FIELD_TEXT },
  { "vin", GEST_FIELD_VIN }, { "model", GEST_FIELD_TEXT }, { "year", GEST_FIELD_INT },
  { "km", GEST_FIELD_INT }, { "plate", GEST_FIELD_TEXT }, { "customer_uuid", GEST_FIELD_UUID },
  { "number", GEST_FIELD_TEXT }, { "vehicle_uuid", GEST_FIELD_UUID },
  { "installment", GEST_FIELD_MONEY }, { "balance", GEST_FIELD_MONEY },
  { "overdue", GEST_FIELD_MONEY }, { "life_insurance", GEST_FIELD_MONEY },
  { "as_of", GEST_FIELD_DATE },
  { "record_uuid", GEST_FIELD_UUID }, { "sha256", GEST_FIELD_SHA256 }, { "size", GEST_FIELD_INT },
  { "mime_type", GEST_FIELD_TEXT }, { "filename", GEST_FIELD_TEXT }, { "added_by", GEST_FIELD_TEXT },
  { "added_at", GEST_FIELD_INT },
  { "seq", GEST_FIELD_INT }, { "at", GEST_FIELD_INT }, { "user_name", GEST_FIELD_TEXT },
  { "user_role", GEST_FIELD_TEXT }, { "text", GEST_FIELD_LONG_TEXT },
  { "contact_name", GEST_FIELD_TEXT }, { "contact_role", GEST_FIELD_TEXT },
  { "prev_hash", GEST_FIELD_HASH }, { "hash", GEST_FIELD_HASH }, { "origin", GEST_FIELD_TEXT },
  { "subject", GEST_FIELD_TEXT }, { "body", GEST_FIELD_LONG_TEXT },
  { "day", GEST_FIELD_DATE },
};

/* Characters, not bytes. A name or an address is far shorter; notes are a few paragraphs. */
#define MAX_TEXT_CHARS      1000
#define MAX_LONG_TEXT_CHARS 20000
/* A billion pesos, in centavos. */
#define MAX_MONEY G_GINT64_CONSTANT (100000000000)

static gboolean
is_lower_hex (const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return TRUE;
}

gboolean
gest_sync_sha256_is_valid (const char *text)
{
  return gest_document_sha256_is_valid (text);
}

/* Record ids are lower-case UUIDs (g_uuid_string_random ()); the check is loose on the shape
 * (1 to 36 of 0-9, a-f and '-') and strict on what matters: no upper case (the server keeps
 * "A…" and "a…" as two records), no quotes, slashes or spaces, nothing long. */
gboolean
gest_sync_uuid_is_valid (const char *text)
{
  gsize length;

  if (text == NULL)
    return FALSE;
  length = strnlen (text, 37);
  if (length == 0 || length > 36)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (text[i] != '-' && !is_lower_hex (text + i, 1))
      return FALSE;
  return TRUE;
}

/* Control characters (but tab and line breaks in long text) and the Unicode controls that
 * reorder what is shown (U+202E makes "fdp.exe" show as "exe.pdf"). */
static gboolean
is_forbidden_char (gunichar c,
                   gboolean multiline)
{
  if (c == '\t' || c == '\n' || c == '\r')
    return !multiline;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         c == 0x061c || c == 0x200e || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xfeff;
}

static char *
check_text (const char *field,
            const char *text,
            gboolean    multiline)
{
  guint max = multiline ? MAX_LONG_TEXT_CHARS : MAX_TEXT_CHARS;
  guint chars = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup_printf (_("“%s” is not valid UTF-8 text."), field);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (++chars > max)
        return g_strdup_printf (_("“%s” is longer than %u characters."), field, max);
      if (is_forbidden_char (c, multiline))
        return g_strdup_printf (_("“%s” holds the control character U+%04X."), field, c);
    }
  return NULL;
}

static char *
check_field (const GestFieldSpec *spec,
             JsonNode            *node)
{
  const char *field = spec->name;
  const char *text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value = 0;
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup_printf (_("“%s” is not a single value."), field);
  type = json_node_get_value_type (node);

  if (spec->kind == GEST_FIELD_INT || spec->kind == GEST_FIELD_MONEY)
    {
      if (type != G_TYPE_INT64)
        return g_strdup_printf (_("“%s” is not a whole number."), field);
      value = json_node_get_int (node);
      if (spec->kind == GEST_FIELD_MONEY && (value < 0 || value > MAX_MONEY))
        return g_strdup_printf (_("“%s” is not an amount Gestiona accepts (%lld centavos)."), field,
                                (long long) value);
      return NULL;
    }

  if (type != G_TYPE_STRING)
    return g_strdup_printf (_("“%s” is not text."), field);
  text = json_node_get_string (node);
  message = check_text (field, text, spec->kind == GEST_FIELD_LONG_TEXT);
  if (message != NULL || text[0] == '\0')
    return g_steal_pointer (&message);

  switch (spec->kind)
    {
    case GEST_FIELD_DATE:
      {
        GDate date;

        if (!gest_date_from_iso (text, &date))
          return g_strdup_printf (_("“%s” is not a date (yyyy-mm-dd): “%.40s”."), field, text);
        return NULL;
      }
    case GEST_FIELD_UUID:
      if (!gest_sync_uuid_is_valid (text))
        return g_strdup_printf (_("“%s” does not name a record: “%.40s”."), field, text);
      return NULL;
    case GEST_FIELD_RFC:
      if (gest_rfc_check (text, &message) == GEST_CHECK_INVALID)
        return g_strdup_printf (_("“%s” is not a valid RFC: %s"), field, message);
      return NULL;
    case GEST_FIELD_VIN:
      if (gest_vin_check (text, &message) == GEST_CHECK_INVALID)
        return g_strdup_printf (_("“%s” is not a valid VIN: %s"), field, message);
      return NULL;
    case GEST_FIELD_EMAIL:
      if (!gest_email_check (text, &error))
        return g_strdup_printf ("“%s”: %s", field, error->message);
      return NULL;
    case GEST_FIELD_PHONE:
      if (strlen (text) != 10 || strspn (text, "0123456789") != 10)
        return g_strdup_printf (_("“%s” is not a phone number of 10 digits."), field);
      return NULL;
    case GEST_FIELD_POSTAL:
      if (!gest_postal_code_check (text, &error))
        return g_strdup_printf ("“%s”: %s", field, error->message);
      return NULL;
    case GEST_FIELD_STATE:
      if (gest_state_lookup (text) == NULL)
        return g_strdup_printf (_("“%s” is not a Mexican state: “%.40s”."), field, text);
      return NULL;
    case GEST_FIELD_SHA256:
    case GEST_FIELD_HASH:
      if (!gest_sync_sha256_is_valid (text))
        return g_strdup_printf (_("“%s” is not a SHA-256 (64 characters 0-9, a-f)."), field);
      return NULL;
    case GEST_FIELD_TEXT:
    case GEST_FIELD_LONG_TEXT:
    case GEST_FIELD_INT:
    case GEST_FIELD_MONEY:
    default:
      return NULL;
    }
}

char *
gest_sync_check_fields (const GestFieldSpec *specs,
                        guint                n_specs,
                        JsonObject          *fields)
{
  g_return_val_if_fail (specs != NULL || n_specs == 0, NULL);

  if (fields == NULL)
    return NULL;
  for (guint i = 0; i < n_specs; i++)
    {
      char *message = check_field (&specs[i], json_object_get_member (fields, specs[i].name));

      if (message != NULL)
        return message;
    }
  return NULL;
}

char *
gest_sync_validate_change (const char *entity,
                           const char *uuid,
                           gboolean    deleted,
                           JsonObject *fields)
{
  const GestSyncEntity *info;
  char *message;

  if (!gest_sync_uuid_is_valid (uuid))
    return g_strdup_printf (_("The record id “%.40s” is not a lower-case UUID."), uuid != NULL ? uuid : "");
  if (fields == NULL)
    return NULL;
  message = gest_sync_check_fields (fields_spec, G_N_ELEMENTS (fields_spec), fields);
  if (message != NULL)
    return message;
  /* A module's entity: its own checks of its own fields. */
  info = gest_sync_entity_find (entity);
  if (info != NULL && info->validate != NULL)
    return info->validate (fields, deleted);
  /* A live document names its file. */
  if (!deleted && g_strcmp0 (entity, "document") == 0)
    {
      JsonNode *sha = json_object_get_member (fields, "sha256");

      if (sha == NULL || json_node_get_value_type (sha) != G_TYPE_STRING ||
          !gest_sync_sha256_is_valid (json_node_get_string (sha)))
        return g_strdup_printf (_("“%s” is not a SHA-256 (64 characters 0-9, a-f)."), "sha256");
    }
  return NULL;
}

/* A short, valid UTF-8 copy of @text for sync_log (which needs a value). */
char *
gest_sync_log_excerpt (const char *text)
{
  g_autofree char *valid = NULL;
  const char *end;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("?");
  valid = g_utf8_make_valid (text, strnlen (text, 64));
  end = g_utf8_offset_to_pointer (valid, MIN (g_utf8_strlen (valid, -1), 40));
  return g_strndup (valid, end - valid);
}

gint64
gest_sync_read_max_blob (JsonObject *object)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, "max_blob") : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) <= 0)
    return 0;
  return json_node_get_int (node);
}

gint64
gest_sync_read_dealer_number (JsonObject *object)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, "dealer_number") : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < 1 || json_node_get_int (node) > GEST_FOLIO_DEALER_MAX)
    return 0;
  return json_node_get_int (node);
}
