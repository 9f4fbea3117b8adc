/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-import-mapping.h"

/* Columns are mapped by their header: each field has its Spanish and English names, compared
 * without case, accents, spaces nor punctuation ("No. de plan" is "nodeplan"). */

typedef struct
{
  const char *id;
  const char *label;
  guint       kinds;       /* bit per GestImportKind that takes the field */
  guint       required;    /* bit per GestImportKind that needs it */
  const char *synonyms;    /* normalized, '|'-separated */
} FieldInfo;

#define C (1u << GEST_IMPORT_CUSTOMERS)
#define V (1u << GEST_IMPORT_VEHICLES)
#define P (1u << GEST_IMPORT_PLANS)

static const FieldInfo fields[GEST_N_IMPORT_FIELDS] = {
  { "name", N_("Name"), C | V | P, C | P,
    "nombre|razonsocial|cliente|nombrecliente|nombredelcliente|nombrecompleto|titular|propietario|"
    "name|customer|customername|fullname|companyname|owner|ownername" },
  { "rfc", N_("RFC"), C | V | P, 0, "rfc|rfccliente|rfcdelcliente|taxid|customerrfc" },
  { "email", N_("Email"), C, 0, "email|correo|correoelectronico|mail|emailaddress" },
  { "phone_mobile", N_("Mobile phone"), C, 0,
    "telefono|tel|celular|movil|telefonocelular|telefonomovil|phone|mobile|mobilephone|cellphone" },
  { "phone_home", N_("Home phone"), C, 0, "telefonocasa|telcasa|telefonoparticular|homephone" },
  { "phone_work", N_("Work phone"), C, 0, "telefonooficina|teloficina|telefonotrabajo|workphone|officephone" },
  { "street", N_("Street"), C, 0, "calle|domicilio|direccion|street|address" },
  { "ext_number", N_("Exterior number"), C, 0, "numeroexterior|noexterior|noext|numext|exteriornumber" },
  { "int_number", N_("Interior number"), C, 0, "numerointerior|nointerior|noint|numint|interiornumber" },
  { "neighborhood", N_("Neighborhood"), C, 0, "colonia|neighborhood" },
  { "city", N_("City"), C, 0, "ciudad|municipio|delegacion|alcaldia|poblacion|city|town" },
  { "state", N_("State"), C, 0, "estado|entidad|entidadfederativa|state" },
  { "postal_code", N_("Postal code"), C, 0, "cp|codigopostal|postalcode|zip|zipcode" },
  { "fiscal_postal_code", N_("Fiscal postal code"), C, 0,
    "cpfiscal|codigopostalfiscal|domiciliofiscalcp|fiscalpostalcode" },
  { "vin", N_("VIN"), V | P, V, "vin|numerodeserie|noserie|nodeserie|serie|niv|serialnumber" },
  { "model", N_("Model"), V, 0, "modelo|vehiculo|model|vehicle" },
  { "year", N_("Year"), V, 0, "ano|anio|anomodelo|year|modelyear" },
  { "km", N_("Kilometers"), V, 0, "km|kilometraje|kilometros|mileage|odometer" },
  { "plate", N_("Plate"), V, 0, "placa|placas|plate|licenseplate" },
  { "plan_number", N_("Plan number"), P, P,
    "nodeplan|numerodeplan|noplan|plan|contrato|nocontrato|numerodecontrato|plannumber|number|planno" },
  { "installment", N_("Installment"), P, P,
    "mensualidad|cuota|pagomensual|cuotamensual|installment|monthlypayment" },
  { "balance", N_("Balance"), P, P, "saldo|saldoinsoluto|adeudo|balance|outstandingbalance" },
  { "overdue", N_("Overdue"), P, 0, "vencido|saldovencido|atraso|importevencido|overdue|pastdue" },
  { "life_insurance", N_("Life insurance"), P, 0, "segurodevida|seguro|lifeinsurance|insurance" },
  { "as_of", N_("Balance date"), P, 0, "fecha|fechadecorte|fechacorte|corte|alfecha|asof|date|balancedate" },
};

#undef C
#undef V
#undef P

static const char * const kind_ids[] = { "customers", "vehicles", "plans" };

const char *
gest_import_kind_id (GestImportKind kind)
{
  g_return_val_if_fail (kind < GEST_N_IMPORT_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
gest_import_kind_from_id (const char     *id,
                          GestImportKind *out)
{
  for (guint i = 0; i < GEST_N_IMPORT_KINDS; i++)
    if (g_strcmp0 (id, kind_ids[i]) == 0)
      {
        *out = (GestImportKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
gest_import_kind_label (GestImportKind kind)
{
  switch (kind)
    {
    case GEST_IMPORT_CUSTOMERS: return _("Customers");
    case GEST_IMPORT_VEHICLES: return _("Vehicles");
    case GEST_IMPORT_PLANS: return _("Plans");
    case GEST_N_IMPORT_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

const char *
gest_import_field_id (GestImportField field)
{
  g_return_val_if_fail (field >= 0 && field < GEST_N_IMPORT_FIELDS, NULL);
  return fields[field].id;
}

const char *
gest_import_field_label (GestImportField field)
{
  g_return_val_if_fail (field >= 0 && field < GEST_N_IMPORT_FIELDS, NULL);
  return _(fields[field].label);
}

gboolean
gest_import_field_applies (GestImportKind  kind,
                           GestImportField field)
{
  return field >= 0 && field < GEST_N_IMPORT_FIELDS && (fields[field].kinds & (1u << kind)) != 0;
}

gboolean
gest_import_field_required (GestImportKind  kind,
                            GestImportField field)
{
  return field >= 0 && field < GEST_N_IMPORT_FIELDS && (fields[field].required & (1u << kind)) != 0;
}

/* Lower case, no accents, letters and digits only. */
static char *
normalize_header (const char *header)
{
  g_autofree char *nfd = g_utf8_normalize (header != NULL ? header : "", -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFEFF || g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

GestImportField
gest_import_field_for_header (GestImportKind  kind,
                              const char     *header)
{
  g_autofree char *key = normalize_header (header);

  if (key[0] == '\0')
    return GEST_IMPORT_FIELD_NONE;
  for (int f = 0; f < GEST_N_IMPORT_FIELDS; f++)
    {
      g_auto(GStrv) names = NULL;

      if (!gest_import_field_applies (kind, f))
        continue;
      names = g_strsplit (fields[f].synonyms, "|", -1);
      if (g_strv_contains ((const char * const *) names, key))
        return (GestImportField) f;
    }
  return GEST_IMPORT_FIELD_NONE;
}

static char *
header_key (const GestImportMapping *self)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *h = normalize_header (self->headers[i]);

      g_string_append_printf (key, "%s%s", i > 0 ? "|" : "", h);
    }
  return g_string_free (key, FALSE);
}

static gboolean
load_remembered (GestImportMapping *self,
                 GestStore         *store)
{
  g_autofree char *key = header_key (self);
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                     "SELECT fields FROM import_mappings "
                                                     "WHERE kind = ?1 AND header_key = ?2", NULL);
  g_auto(GStrv) ids = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, gest_import_kind_id (self->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  ids = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), ",", -1);
  if (g_strv_length (ids) != self->n_columns)
    return FALSE;
  for (guint i = 0; i < self->n_columns; i++)
    {
      self->fields[i] = GEST_IMPORT_FIELD_NONE;
      for (int f = 0; f < GEST_N_IMPORT_FIELDS; f++)
        if (g_str_equal (ids[i], fields[f].id) && gest_import_field_applies (self->kind, f))
          self->fields[i] = (GestImportField) f;
    }
  return TRUE;
}

GestImportMapping *
gest_import_mapping_new (GestStore          *store,
                         GestImportKind      kind,
                         const char * const *headers,
                         guint               n_headers)
{
  GestImportMapping *self = g_new0 (GestImportMapping, 1);
  gboolean taken[GEST_N_IMPORT_FIELDS] = { FALSE };

  self->kind = kind;
  self->n_columns = n_headers;
  self->headers = g_new0 (char *, n_headers + 1);
  self->fields = g_new0 (GestImportField, MAX (n_headers, 1));
  for (guint i = 0; i < n_headers; i++)
    self->headers[i] = g_strdup (headers[i]);
  if (store != NULL && load_remembered (self, store))
    return self;
  for (guint i = 0; i < n_headers; i++)
    {
      GestImportField f = gest_import_field_for_header (kind, headers[i]);

      if (f != GEST_IMPORT_FIELD_NONE && taken[f])
        f = GEST_IMPORT_FIELD_NONE;
      if (f != GEST_IMPORT_FIELD_NONE)
        taken[f] = TRUE;
      self->fields[i] = f;
    }
  return self;
}

GestImportMapping *
gest_import_mapping_copy (const GestImportMapping *self)
{
  GestImportMapping *copy = g_new0 (GestImportMapping, 1);

  copy->kind = self->kind;
  copy->n_columns = self->n_columns;
  copy->headers = g_strdupv (self->headers);
  copy->fields = g_memdup2 (self->fields, sizeof (GestImportField) * MAX (self->n_columns, 1));
  return copy;
}

void
gest_import_mapping_free (GestImportMapping *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->headers);
  g_free (self->fields);
  g_free (self);
}

char *
gest_import_mapping_ignored (const GestImportMapping *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->n_columns; i++)
    if (self->fields[i] == GEST_IMPORT_FIELD_NONE && self->headers[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", self->headers[i]);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

gboolean
gest_import_mapping_check (const GestImportMapping  *self,
                           GError                  **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *kind = NULL;
  guint n = 0;

  for (int f = 0; f < GEST_N_IMPORT_FIELDS; f++)
    if (gest_import_field_required (self->kind, f) && gest_import_mapping_column (self, f) < 0)
      {
        g_string_append_printf (missing, "%s%s", n > 0 ? ", " : "", gest_import_field_label (f));
        n++;
      }
  if (n == 0)
    return TRUE;
  kind = g_utf8_strdown (gest_import_kind_label (self->kind), -1);
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               ngettext ("The file has no column for %s, which an import of %s needs. Add the "
                         "column or choose which column holds it.",
                         "The file has no columns for %s, which an import of %s needs. Add the "
                         "columns or choose which columns hold them.", n),
               missing->str, kind);
  return FALSE;
}

int
gest_import_mapping_column (const GestImportMapping *self,
                            GestImportField          field)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->fields[i] == field)
      return (int) i;
  return -1;
}

gboolean
gest_import_mapping_save (const GestImportMapping  *self,
                          GestStore                *store,
                          GError                  **error)
{
  g_autofree char *key = header_key (self);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint i = 0; i < self->n_columns; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? "," : "",
                            self->fields[i] == GEST_IMPORT_FIELD_NONE ? "" : fields[self->fields[i]].id);
  stmt = gest_store_prepare (store,
                             "INSERT OR REPLACE INTO import_mappings (kind, header_key, fields, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, gest_import_kind_id (self->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ids->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}
