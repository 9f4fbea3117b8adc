/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-billing"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-customer-billing.h"
#include "gest-customer-edit.h"
#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-rfc.h"

static const char * const field_names[GEST_N_BILLING_FIELDS] = {
  "kind", "rfc", "name", "postal_code", "regime", "use", "email",
};

/* The activity entry's words, in GestBillingField order. */
static const char * const field_labels[GEST_N_BILLING_FIELDS] = {
  N_("kind of taxpayer"), N_("RFC"), N_("name as registered with the SAT"), N_("fiscal postal code"),
  N_("fiscal regime"), N_("CFDI use"), N_("email"),
};

typedef struct
{
  char              *customer_uuid;
  GestBillingValues *values;
  GestBillingField   field;    /* out */
} SaveData;

static char *
strip (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static const char *
kind_id (GestTaxpayerKind kind)
{
  return kind == GEST_TAXPAYER_COMPANY ? "moral" : "fisica";
}

GestBillingValues *
gest_billing_values_new (void)
{
  GestBillingValues *values = g_new0 (GestBillingValues, 1);

  values->kind = GEST_TAXPAYER_PERSON;
  values->rfc = g_strdup ("");
  values->name = g_strdup ("");
  values->postal_code = g_strdup ("");
  values->regime = g_strdup ("");
  values->use = g_strdup ("");
  values->email = g_strdup ("");
  return values;
}

GestBillingValues *
gest_billing_values_copy (const GestBillingValues *values)
{
  GestBillingValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestBillingValues, 1);
  copy->kind = values->kind;
  copy->rfc = g_strdup (values->rfc);
  copy->name = g_strdup (values->name);
  copy->postal_code = g_strdup (values->postal_code);
  copy->regime = g_strdup (values->regime);
  copy->use = g_strdup (values->use);
  copy->email = g_strdup (values->email);
  return copy;
}

void
gest_billing_values_free (GestBillingValues *values)
{
  if (values == NULL)
    return;
  g_free (values->rfc);
  g_free (values->name);
  g_free (values->postal_code);
  g_free (values->regime);
  g_free (values->use);
  g_free (values->email);
  g_free (values);
}

gboolean
gest_billing_values_equal (const GestBillingValues *a,
                           const GestBillingValues *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind && g_str_equal (a->rfc, b->rfc) && g_str_equal (a->name, b->name) &&
         g_str_equal (a->postal_code, b->postal_code) && g_str_equal (a->regime, b->regime) &&
         g_str_equal (a->use, b->use) && g_str_equal (a->email, b->email);
}

static void
replace (char       **field,
         const char  *text)
{
  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

GestBillingValues *
gest_billing_values_set (const GestBillingValues *values,
                         GestBillingField         field,
                         const char              *text)
{
  GestBillingValues *copy;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (field < GEST_N_BILLING_FIELDS, NULL);

  copy = gest_billing_values_copy (values);
  switch (field)
    {
    case GEST_BILLING_FIELD_KIND:
      copy->kind = g_strcmp0 (text, "moral") == 0 ? GEST_TAXPAYER_COMPANY : GEST_TAXPAYER_PERSON;
      break;
    case GEST_BILLING_FIELD_RFC:
      replace (&copy->rfc, text);
      break;
    case GEST_BILLING_FIELD_NAME:
      replace (&copy->name, text);
      break;
    case GEST_BILLING_FIELD_POSTAL_CODE:
      replace (&copy->postal_code, text);
      break;
    case GEST_BILLING_FIELD_REGIME:
      replace (&copy->regime, text);
      break;
    case GEST_BILLING_FIELD_USE:
      replace (&copy->use, text);
      break;
    case GEST_BILLING_FIELD_EMAIL:
      replace (&copy->email, text);
      break;
    case GEST_N_BILLING_FIELDS:
    default:
      g_assert_not_reached ();
    }
  /* The combos offer only the SAT's allowed combinations: what a change made impossible goes. */
  if (*copy->regime != '\0' && !gest_cfdi_regime_allows (copy->regime, copy->kind))
    replace (&copy->regime, "");
  if (*copy->use != '\0' && !gest_cfdi_use_allows (copy->use, copy->kind, copy->regime))
    replace (&copy->use, "");
  return copy;
}

GestBillingField
gest_billing_field_from_name (const char *name)
{
  for (guint i = 0; i < GEST_N_BILLING_FIELDS; i++)
    if (g_strcmp0 (field_names[i], name) == 0)
      return i;
  return GEST_N_BILLING_FIELDS;
}

static gboolean
check (const GestBillingValues *values,
       GestBillingField        *out_field,
       GError                 **error)
{
  const char *name = NULL;
  gboolean ok = gest_cfdi_check_receiver (values->kind, values->rfc, values->name, values->postal_code,
                                          values->regime, values->use, values->email, &name, error);

  if (out_field != NULL)
    *out_field = ok ? GEST_N_BILLING_FIELDS : gest_billing_field_from_name (name);
  return ok;
}

GestBillingState *
gest_billing_state_from_values (const GestBillingValues *values,
                                guint32                  touched)
{
  GestBillingState *state = g_new0 (GestBillingState, 1);
  g_autoptr(GPtrArray) regimes = g_ptr_array_new ();
  g_autoptr(GPtrArray) uses = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char * const *codes;
  GestBillingField field;

  g_return_val_if_fail (values != NULL, state);

  codes = gest_cfdi_regime_codes ();
  for (guint i = 0; codes[i] != NULL; i++)
    if (gest_cfdi_regime_allows (codes[i], values->kind))
      g_ptr_array_add (regimes, g_strdup (codes[i]));
  g_ptr_array_add (regimes, NULL);
  state->regimes = (GStrv) g_ptr_array_free (g_steal_pointer (&regimes), FALSE);
  codes = gest_cfdi_use_codes ();
  for (guint i = 0; codes[i] != NULL; i++)
    if (gest_cfdi_use_allows (codes[i], values->kind, values->regime))
      g_ptr_array_add (uses, g_strdup (codes[i]));
  g_ptr_array_add (uses, NULL);
  state->uses = (GStrv) g_ptr_array_free (g_steal_pointer (&uses), FALSE);

  state->complete = check (values, &field, &error);
  /* The first field in error, once the user has been through it (a form filled from the top
   * shows each mistake as it is left behind). */
  if (!state->complete && field < GEST_N_BILLING_FIELDS && (touched & (1u << field)) != 0)
    state->errors[field] = g_strdup (error->message);
  return state;
}

void
gest_billing_state_free (GestBillingState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < GEST_N_BILLING_FIELDS; i++)
    g_free (state->errors[i]);
  g_strfreev (state->regimes);
  g_strfreev (state->uses);
  g_free (state);
}

static GestBillingValues *
load (GestStore   *store,
      const char  *uuid,
      char       **out_customer_name,
      gint64      *out_version,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT kind, rfc, name, fiscal_postal_code, fiscal_regime, cfdi_use, email, updated_at"
                        " FROM customers WHERE uuid = ?1 AND deleted = 0", error);
  GestBillingValues *values;
  int rc;

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
  values = g_new0 (GestBillingValues, 1);
  values->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "moral") == 0 ? GEST_TAXPAYER_COMPANY
                                                                                      : GEST_TAXPAYER_PERSON;
  values->rfc = strip ((const char *) sqlite3_column_text (stmt, 1));
  values->name = strip ((const char *) sqlite3_column_text (stmt, 2));
  values->postal_code = strip ((const char *) sqlite3_column_text (stmt, 3));
  values->regime = strip ((const char *) sqlite3_column_text (stmt, 4));
  values->use = strip ((const char *) sqlite3_column_text (stmt, 5));
  values->email = strip ((const char *) sqlite3_column_text (stmt, 6));
  if (out_customer_name != NULL)
    *out_customer_name = g_strdup (values->name);
  if (out_version != NULL)
    *out_version = sqlite3_column_int64 (stmt, 7);
  return values;
}

GestBillingValues *
gest_customer_billing_load (GestStore   *store,
                            const char  *customer_uuid,
                            GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_uuid != NULL, NULL);

  return load (store, customer_uuid, NULL, NULL, error);
}

gboolean
gest_customer_billing_check (GestStore   *store,
                             const char  *customer_uuid,
                             GError     **error)
{
  g_autoptr(GestBillingValues) values = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (customer_uuid == NULL || *customer_uuid == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("An invoice needs a customer with billing data: choose the customer first."));
      return FALSE;
    }
  values = load (store, customer_uuid, NULL, NULL, error);
  if (values == NULL)
    return FALSE;
  if (!check (values, NULL, &local))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The billing data of %s is not ready for an invoice: %s"), values->name, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
rfc_taken (GestStore   *store,
           const char  *uuid,
           const char  *rfc,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (gest_rfc_is_generic (rfc))
    return FALSE;
  stmt = gest_store_prepare (store,
                             "SELECT name FROM customers WHERE rfc = ?1 AND deleted = 0 AND uuid IS NOT ?2 LIMIT 1",
                             error);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, rfc, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The RFC %s is already the RFC of %s. Open that customer instead, or merge the two customers if they are the same person."),
                   rfc, (const char *) sqlite3_column_text (stmt, 0));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return TRUE;
    }
  return FALSE;
}

static gboolean
save (GestStore               *store,
      const char              *uuid,
      const GestBillingValues *values,
      GestBillingField        *out_field,
      GError                 **error)
{
  g_autoptr(GestBillingValues) stored = NULL;
  g_autoptr(GestBillingValues) clean = gest_billing_values_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *text = NULL;
  gint64 version = 0;
  const char *before[GEST_N_BILLING_FIELDS];
  const char *after[GEST_N_BILLING_FIELDS];

  if (!gest_store_check_permission (store, GEST_PERMISSION_EDIT_CUSTOMERS, error))
    return FALSE;
  clean->kind = values->kind;
  g_free (clean->rfc);
  clean->rfc = gest_rfc_normalize (values->rfc);
  g_free (clean->name);
  clean->name = strip (values->name);
  g_free (clean->postal_code);
  clean->postal_code = strip (values->postal_code);
  replace (&clean->regime, values->regime);
  replace (&clean->use, values->use);
  g_free (clean->email);
  clean->email = strip (values->email);
  {
    char *lower = g_ascii_strdown (clean->email, -1);

    g_free (clean->email);
    clean->email = lower;
  }
  if (!check (clean, out_field, error))
    return FALSE;
  if (rfc_taken (store, uuid, clean->rfc, error))
    {
      if (out_field != NULL)
        *out_field = GEST_BILLING_FIELD_RFC;
      return FALSE;
    }
  stored = load (store, uuid, NULL, &version, error);
  if (stored == NULL)
    return FALSE;
  before[0] = kind_id (stored->kind), after[0] = kind_id (clean->kind);
  before[1] = stored->rfc, after[1] = clean->rfc;
  before[2] = stored->name, after[2] = clean->name;
  before[3] = stored->postal_code, after[3] = clean->postal_code;
  before[4] = stored->regime, after[4] = clean->regime;
  before[5] = stored->use, after[5] = clean->use;
  before[6] = stored->email, after[6] = clean->email;
  for (guint i = 0; i < GEST_N_BILLING_FIELDS; i++)
    if (g_strcmp0 (before[i], after[i]) != 0)
      g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", _(field_labels[i]));
  if (changed->len == 0)
    return TRUE;
  stmt = gest_store_prepare (store,
                             "UPDATE customers SET kind = ?2, rfc = ?3, name = ?4, fiscal_postal_code = ?5,"
                             " fiscal_regime = ?6, cfdi_use = ?7, email = ?8, updated_at = max (?9, ?10 + 1)"
                             " WHERE uuid = ?1 AND updated_at = ?10 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind_id (clean->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean->rfc, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, clean->postal_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, clean->regime, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, clean->use, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, clean->email, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 10, version);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                           _("Someone changed this customer meanwhile: look at the billing data again."));
      return FALSE;
    }
  text = g_strdup_printf (_("Billing data changed: %s."), changed->str);
  return gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) > 0;
}

gboolean
gest_customer_billing_save (GestStore               *store,
                            const char              *customer_uuid,
                            const GestBillingValues *values,
                            GestBillingField        *out_field,
                            GError                 **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (customer_uuid != NULL, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (out_field != NULL)
    *out_field = GEST_N_BILLING_FIELDS;
  if (!gest_store_begin_change (store, "gest_customer_billing_save", &own, error))
    return FALSE;
  ok = save (store, customer_uuid, values, out_field, error);
  return gest_store_end_change (store, "gest_customer_billing_save", own, ok, error);
}

static void
save_data_free (gpointer data)
{
  SaveData *save_data = data;

  g_free (save_data->customer_uuid);
  gest_billing_values_free (save_data->values);
  g_free (save_data);
}

static gboolean
save_cb (GestStore  *store,
         gpointer    data,
         GError    **error)
{
  SaveData *save_data = data;

  return gest_customer_billing_save (store, save_data->customer_uuid, save_data->values, &save_data->field, error);
}

void
gest_customer_billing_save_async (GestStore               *store,
                                  const char              *customer_uuid,
                                  const GestBillingValues *values,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  SaveData *save_data;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (customer_uuid != NULL && values != NULL);

  save_data = g_new0 (SaveData, 1);
  save_data->customer_uuid = g_strdup (customer_uuid);
  save_data->values = gest_billing_values_copy (values);
  save_data->field = GEST_N_BILLING_FIELDS;
  gest_store_write_async (store, save_cb, save_data, save_data_free, cancellable, callback, user_data);
}

gboolean
gest_customer_billing_save_finish (GestStore         *store,
                                   GAsyncResult      *result,
                                   GestBillingField  *out_field,
                                   GError           **error)
{
  SaveData *save_data = gest_store_write_get_data (result);

  if (out_field != NULL)
    *out_field = save_data->field;
  return gest_store_write_finish (store, result, error);
}
