/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-edit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-cfdi-catalog.h"
#include "gest-contact.h"
#include "gest-customer-edit.h"
#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-plan-edit-common.h"
#include "gest-rfc.h"
#include "gest-states.h"

typedef struct
{
  GestCustomerValues *values;
  char               *uuid;       /* out */
  GestCustomerField   field;      /* out */
} SaveData;

/* The field names of the activity entry, in GestCustomerField order. */
static const char * const labels[GEST_N_CUSTOMER_FIELDS] = {
  N_("name"), N_("RFC"), N_("mobile phone"), N_("home phone"), N_("work phone"), N_("e-mail"),
  N_("street"), N_("number"), N_("interior number"), N_("neighborhood"), N_("city"),
  N_("state"), N_("postal code"), N_("fiscal postal code"), N_("fiscal regime"), N_("CFDI use"),
};

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
is_phone (GestCustomerField field)
{
  return field == GEST_CUSTOMER_FIELD_PHONE_MOBILE || field == GEST_CUSTOMER_FIELD_PHONE_HOME ||
         field == GEST_CUSTOMER_FIELD_PHONE_WORK;
}

/* What the save stores for @field: the RFC normalized, phones as digits, the state's code. */
static char *
normalized (const GestCustomerValues *values,
            GestCustomerField         field)
{
  g_autofree char *text = trimmed (values->fields[field]);
  char *digits = NULL;

  if (*text == '\0' && field == GEST_CUSTOMER_FIELD_FISCAL_POSTAL_CODE)
    return normalized (values, GEST_CUSTOMER_FIELD_POSTAL_CODE);
  if (*text == '\0')
    return g_steal_pointer (&text);
  if (field == GEST_CUSTOMER_FIELD_RFC)
    return gest_rfc_normalize (text);
  if (is_phone (field) && gest_phone_normalize (text, &digits, NULL))
    return digits;
  if (field == GEST_CUSTOMER_FIELD_STATE && gest_state_lookup (text) != NULL)
    return g_strdup (gest_state_lookup (text)->code);
  if (field == GEST_CUSTOMER_FIELD_EMAIL)
    return g_ascii_strdown (text, -1);
  return g_steal_pointer (&text);
}

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  gest_customer_values_free (save->values);
  g_free (save->uuid);
  g_free (save);
}

/* Another active customer with the same RFC; the generic RFCs are shared by design. */
static gboolean
check_unique_rfc (GestStore   *store,
                  const char  *uuid,
                  const char  *rfc,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (*rfc == '\0' || gest_rfc_is_generic (rfc))
    return TRUE;
  stmt = gest_store_prepare (store,
                             "SELECT name FROM customers WHERE rfc = ?1 AND deleted = 0"
                             " AND uuid IS NOT ?2 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rfc, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The RFC %s is already the RFC of %s. Open that customer instead, or merge the two customers if they are the same person."),
                   rfc, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
insert (GestStore                *store,
        const GestCustomerValues *values,
        const char               *uuid,
        GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *rfc = normalized (values, GEST_CUSTOMER_FIELD_RFC);

  stmt = gest_store_prepare (store,
                             "INSERT INTO customers (uuid, kind, updated_at, name, rfc,"
                             " phone_mobile, phone_home, phone_work, email, street, ext_number, int_number,"
                             " neighborhood, city, state_code, postal_code, fiscal_postal_code, fiscal_regime,"
                             " cfdi_use)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                             " ?18, ?19)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, gest_customer_kind_for_rfc (rfc), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, gest_plan_edit_now (0));
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    sqlite3_bind_text (stmt, 4 + i, normalized (values, i), -1, g_free);
  return gest_plan_edit_step (store, stmt, error);
}

static gboolean
update (GestStore                *store,
        const GestCustomerValues *values,
        GString                  *changed,
        GError                  **error)
{
  g_autoptr(GestCustomerValues) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *rfc = normalized (values, GEST_CUSTOMER_FIELD_RFC);

  stored = gest_customer_load (store, values->uuid, error);
  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    {
      g_autofree char *now = normalized (values, i);

      if (gest_plan_edit_changed (now, stored->fields[i]))
        g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", _(labels[i]));
    }
  stmt = gest_store_prepare (store,
                             "UPDATE customers SET kind = ?2, updated_at = ?3,"
                             " name = ?4, rfc = ?5, phone_mobile = ?6, phone_home = ?7, phone_work = ?8,"
                             " email = ?9, street = ?10, ext_number = ?11, int_number = ?12,"
                             " neighborhood = ?13, city = ?14, state_code = ?15, postal_code = ?16,"
                             " fiscal_postal_code = ?17, fiscal_regime = ?18, cfdi_use = ?19"
                             " WHERE uuid = ?1 AND updated_at = ?20 AND deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, values->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, gest_customer_kind_for_rfc (rfc), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, gest_plan_edit_now (values->version));
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    sqlite3_bind_text (stmt, 4 + i, normalized (values, i), -1, g_free);
  sqlite3_bind_int64 (stmt, 20, values->version);
  return gest_plan_edit_step_update (store, stmt, error);
}

static gboolean
save_cb (GestStore  *store,
         gpointer    data,
         GError    **error)
{
  SaveData *save = data;

  save->uuid = gest_customer_save (store, save->values, &save->field, error);
  return save->uuid != NULL;
}

GestCustomerValues *
gest_customer_values_new (void)
{
  GestCustomerValues *values = g_new0 (GestCustomerValues, 1);

  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    values->fields[i] = g_strdup ("");
  return values;
}

GestCustomerValues *
gest_customer_values_copy (const GestCustomerValues *values)
{
  GestCustomerValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestCustomerValues, 1);
  copy->uuid = g_strdup (values->uuid);
  copy->version = values->version;
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    copy->fields[i] = g_strdup (values->fields[i]);
  return copy;
}

void
gest_customer_values_free (GestCustomerValues *values)
{
  if (values == NULL)
    return;
  g_free (values->uuid);
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    g_free (values->fields[i]);
  g_free (values);
}

const char *
gest_customer_values_get (const GestCustomerValues *values,
                          GestCustomerField         field)
{
  g_return_val_if_fail (values != NULL && field < GEST_N_CUSTOMER_FIELDS, NULL);

  return values->fields[field];
}

void
gest_customer_values_set (GestCustomerValues *values,
                          GestCustomerField   field,
                          const char         *text)
{
  g_return_if_fail (values != NULL && field < GEST_N_CUSTOMER_FIELDS);

  g_free (values->fields[field]);
  values->fields[field] = g_strdup (text != NULL ? text : "");
}

gboolean
gest_customer_values_equal (const GestCustomerValues *a,
                            const GestCustomerValues *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->uuid, b->uuid) != 0 || a->version != b->version)
    return FALSE;
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    if (g_strcmp0 (a->fields[i], b->fields[i]) != 0)
      return FALSE;
  return TRUE;
}

const char *
gest_customer_kind_for_rfc (const char *rfc)
{
  return rfc != NULL && strlen (rfc) == 12 ? "moral" : "fisica";
}

gboolean
gest_rfc_is_generic (const char *rfc)
{
  g_autofree char *norm = NULL;

  if (rfc == NULL)
    return FALSE;
  norm = gest_rfc_normalize (rfc);
  return g_str_equal (norm, GEST_RFC_GENERIC_NATIONAL) || g_str_equal (norm, GEST_RFC_GENERIC_FOREIGN);
}

/* The regime and use, when given: from the SAT's catalogs, allowed for the kind of taxpayer
 * the RFC gives (when it is valid) and, for the use, with the regime. */
static char *
billing_problem (const GestCustomerValues *values,
                 GestCustomerField         field,
                 const char               *text)
{
  g_autofree char *rfc = normalized (values, GEST_CUSTOMER_FIELD_RFC);
  g_autofree char *regime = trimmed (values->fields[GEST_CUSTOMER_FIELD_FISCAL_REGIME]);
  gboolean known_kind = gest_rfc_check (rfc, NULL) == GEST_CHECK_VALID;
  GestTaxpayerKind kind = strlen (rfc) == 12 ? GEST_TAXPAYER_COMPANY : GEST_TAXPAYER_PERSON;
  const char *who = kind == GEST_TAXPAYER_COMPANY ? _("a company (persona moral)") : _("an individual (persona física)");

  if (*text == '\0')
    return NULL;
  if (field == GEST_CUSTOMER_FIELD_FISCAL_REGIME)
    {
      if (gest_cfdi_regime_label (text) == NULL)
        return g_strdup_printf (_("“%s” is not a fiscal regime of the SAT’s catalog: choose one from the list."), text);
      if (known_kind && !gest_cfdi_regime_allows (text, kind))
        return g_strdup_printf (_("The fiscal regime “%s” is not for %s: choose one the SAT allows for %s."),
                                gest_cfdi_regime_label (text), who, who);
      return NULL;
    }
  if (gest_cfdi_use_label (text) == NULL)
    return g_strdup_printf (_("“%s” is not a CFDI use of the SAT’s catalog: choose one from the list."), text);
  if (known_kind && !gest_cfdi_use_allows (text, kind, NULL))
    return g_strdup_printf (_("The CFDI use “%s” is not for %s: choose another."), gest_cfdi_use_label (text), who);
  if (known_kind && gest_cfdi_regime_allows (regime, kind) && !gest_cfdi_use_allows (text, kind, regime))
    return g_strdup_printf (_("The CFDI use “%s” is not allowed with the fiscal regime “%s”: "
                              "choose a use the list offers for that regime."),
                            gest_cfdi_use_label (text), gest_cfdi_regime_label (regime));
  return NULL;
}

char *
gest_customer_field_problem (const GestCustomerValues *values,
                             GestCustomerField         field)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  g_return_val_if_fail (values != NULL && field < GEST_N_CUSTOMER_FIELDS, NULL);

  text = trimmed (values->fields[field]);
  switch (field)
    {
    case GEST_CUSTOMER_FIELD_NAME:
      if (*text == '\0')
        return g_strdup (_("Write the customer’s full name, or the company’s name as on its tax certificate."));
      return NULL;
    case GEST_CUSTOMER_FIELD_RFC:
      if (gest_rfc_is_generic (text))
        return NULL;
      /* A check digit that does not match is refused too: the RFC is the key of a customer
       * across the dealer's systems and Conauto's. */
      if (gest_rfc_check (text, &message) != GEST_CHECK_VALID)
        return message;
      return NULL;
    case GEST_CUSTOMER_FIELD_PHONE_MOBILE:
    case GEST_CUSTOMER_FIELD_PHONE_HOME:
    case GEST_CUSTOMER_FIELD_PHONE_WORK:
      if (*text != '\0' && !gest_phone_normalize (text, NULL, &error))
        return g_strdup (error->message);
      return NULL;
    case GEST_CUSTOMER_FIELD_EMAIL:
      if (*text != '\0' && !gest_email_check (text, &error))
        return g_strdup (error->message);
      return NULL;
    case GEST_CUSTOMER_FIELD_STATE:
      if (*text != '\0' && gest_state_lookup (text) == NULL)
        return g_strdup_printf (_("“%s” is not one of the 32 Mexican states. Choose the state from the list."), text);
      return NULL;
    case GEST_CUSTOMER_FIELD_POSTAL_CODE:
      {
        g_autofree char *state = trimmed (values->fields[GEST_CUSTOMER_FIELD_STATE]);

        if (*text == '\0')
          return NULL;
        if (!gest_postal_code_check (text, &error))
          return g_strdup (error->message);
        if (*state != '\0' && gest_state_lookup (state) != NULL &&
            !gest_state_postal_code_check (state, text, &error))
          return g_strdup (error->message);
        return NULL;
      }
    case GEST_CUSTOMER_FIELD_FISCAL_POSTAL_CODE:
      if (*text != '\0' && !gest_postal_code_check (text, &error))
        return g_strdup_printf (_("The fiscal postal code is the one of the customer’s tax status certificate: %s"),
                                error->message);
      return NULL;
    case GEST_CUSTOMER_FIELD_FISCAL_REGIME:
    case GEST_CUSTOMER_FIELD_CFDI_USE:
      return billing_problem (values, field, text);
    case GEST_CUSTOMER_FIELD_STREET:
    case GEST_CUSTOMER_FIELD_EXT_NUMBER:
    case GEST_CUSTOMER_FIELD_INT_NUMBER:
    case GEST_CUSTOMER_FIELD_NEIGHBORHOOD:
    case GEST_CUSTOMER_FIELD_CITY:
    case GEST_N_CUSTOMER_FIELDS:
    default:
      return NULL;
    }
}

gboolean
gest_customer_values_validate (const GestCustomerValues *values,
                               GestCustomerField        *out_field,
                               GError                  **error)
{
  g_return_val_if_fail (values != NULL, FALSE);

  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    {
      g_autofree char *problem = gest_customer_field_problem (values, i);

      if (problem != NULL)
        {
          if (out_field != NULL)
            *out_field = i;
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, problem);
          return FALSE;
        }
    }
  if (out_field != NULL)
    *out_field = GEST_N_CUSTOMER_FIELDS;
  return TRUE;
}

GestCustomerValues *
gest_customer_load (GestStore   *store,
                    const char  *uuid,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestCustomerValues *values;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = gest_store_prepare (store,
                             "SELECT updated_at, name, rfc, phone_mobile, phone_home, phone_work, email,"
                             " street, ext_number, int_number, neighborhood, city, state_code, postal_code,"
                             " fiscal_postal_code, fiscal_regime, cfdi_use"
                             " FROM customers WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The customer is no longer there: it was merged into another or deleted. Search for it again."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  values = g_new0 (GestCustomerValues, 1);
  values->uuid = g_strdup (uuid);
  values->version = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    values->fields[i] = gest_plan_edit_column_text (stmt, 1 + i);
  return values;
}

char *
gest_customer_save (GestStore                *store,
                    const GestCustomerValues *values,
                    GestCustomerField        *out_field,
                    GError                  **error)
{
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *rfc = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_field != NULL)
    *out_field = GEST_N_CUSTOMER_FIELDS;
  if (!gest_store_begin_change (store, "customer_save", &own, error))
    return NULL;
  uuid = values->uuid != NULL ? g_strdup (values->uuid) : g_uuid_string_random ();
  rfc = normalized (values, GEST_CUSTOMER_FIELD_RFC);
  name = normalized (values, GEST_CUSTOMER_FIELD_NAME);
  ok = gest_store_check_permission (store, GEST_PERMISSION_EDIT_CUSTOMERS, error) &&
       gest_customer_values_validate (values, out_field, error);
  if (ok && !check_unique_rfc (store, uuid, rfc, error))
    {
      ok = FALSE;
      if (out_field != NULL)
        *out_field = GEST_CUSTOMER_FIELD_RFC;
    }
  if (ok && values->uuid == NULL)
    {
      ok = insert (store, values, uuid, error);
      text = g_strdup_printf (_("Customer created: %s, RFC %s."), name, rfc);
    }
  else if (ok)
    {
      ok = update (store, values, changed, error);
      text = changed->len > 0 ? g_strdup_printf (_("Customer data changed: %s."), changed->str) : NULL;
    }
  if (ok && text != NULL)
    ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) > 0;
  if (!gest_store_end_change (store, "customer_save", own, ok, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&uuid);
}

void
gest_customer_save_async (GestStore                *store,
                          const GestCustomerValues *values,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  SaveData *save;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (values != NULL);

  save = g_new0 (SaveData, 1);
  save->values = gest_customer_values_copy (values);
  save->field = GEST_N_CUSTOMER_FIELDS;
  gest_store_write_async (store, save_cb, save, save_data_free, cancellable, callback, user_data);
}

char *
gest_customer_save_finish (GestStore     *store,
                           GAsyncResult  *result,
                           GestCustomerField *out_field,
                           GError       **error)
{
  SaveData *save = gest_store_write_get_data (result);

  if (out_field != NULL)
    *out_field = save->field;
  if (!gest_store_write_finish (store, result, error))
    return NULL;
  return g_steal_pointer (&save->uuid);
}
