/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* What an import brings: the dealership DMS's customers or vehicles, Conauto's plans. */
typedef enum
{
  GEST_IMPORT_CUSTOMERS,
  GEST_IMPORT_VEHICLES,
  GEST_IMPORT_PLANS,
  GEST_N_IMPORT_KINDS,
} GestImportKind;

/* The fields a column can fill. GEST_IMPORT_FIELD_NONE: the column is ignored. */
typedef enum
{
  GEST_IMPORT_FIELD_NONE = -1,
  GEST_IMPORT_FIELD_NAME,
  GEST_IMPORT_FIELD_RFC,
  GEST_IMPORT_FIELD_EMAIL,
  GEST_IMPORT_FIELD_PHONE_MOBILE,
  GEST_IMPORT_FIELD_PHONE_HOME,
  GEST_IMPORT_FIELD_PHONE_WORK,
  GEST_IMPORT_FIELD_STREET,
  GEST_IMPORT_FIELD_EXT_NUMBER,
  GEST_IMPORT_FIELD_INT_NUMBER,
  GEST_IMPORT_FIELD_NEIGHBORHOOD,
  GEST_IMPORT_FIELD_CITY,
  GEST_IMPORT_FIELD_STATE,
  GEST_IMPORT_FIELD_POSTAL_CODE,
  GEST_IMPORT_FIELD_FISCAL_POSTAL_CODE,
  GEST_IMPORT_FIELD_VIN,
  GEST_IMPORT_FIELD_MODEL,
  GEST_IMPORT_FIELD_YEAR,
  GEST_IMPORT_FIELD_KM,
  GEST_IMPORT_FIELD_PLATE,
  GEST_IMPORT_FIELD_PLAN_NUMBER,
  GEST_IMPORT_FIELD_INSTALLMENT,
  GEST_IMPORT_FIELD_BALANCE,
  GEST_IMPORT_FIELD_OVERDUE,
  GEST_IMPORT_FIELD_LIFE_INSURANCE,
  GEST_IMPORT_FIELD_AS_OF,
  GEST_N_IMPORT_FIELDS,
} GestImportField;

/* "customers", "vehicles", "plans" (the CLI's words) and back. */
const char     *gest_import_kind_id            (GestImportKind   kind);
gboolean        gest_import_kind_from_id       (const char      *id,
                                                GestImportKind  *out);
/* Translated: "Customers", "Vehicles", "Plans". */
const char     *gest_import_kind_label         (GestImportKind   kind);

/* "rfc", "plan_number"... and its translated label ("RFC", "Plan number"). */
const char     *gest_import_field_id           (GestImportField  field);
const char     *gest_import_field_label        (GestImportField  field);
/* Whether @kind takes @field, and whether a file of @kind must have it. */
gboolean        gest_import_field_applies      (GestImportKind   kind,
                                                GestImportField  field);
gboolean        gest_import_field_required     (GestImportKind   kind,
                                                GestImportField  field);

/* The field a header names (Spanish or English synonyms, case, accents and punctuation
 * ignored: "No. de plan", "Número de plan", "Razón social", "C.P."...), NONE when unknown or
 * when @kind does not take it. */
GestImportField gest_import_field_for_header   (GestImportKind   kind,
                                                const char      *header);

/* A column mapping: one GestImportField per column of the header. */
typedef struct
{
  GestImportKind   kind;
  guint            n_columns;
  char           **headers;     /* the file's headers, as written */
  GestImportField *fields;
} GestImportMapping;

/* The mapping found from @headers: remembered for this kind and header set when @store has
 * one (the user's last choice), else by synonyms. A field is mapped once: a second column
 * naming it is ignored. */
GestImportMapping *gest_import_mapping_new       (GestStore         *store,
                                                  GestImportKind     kind,
                                                  const char * const *headers,
                                                  guint              n_headers);
GestImportMapping *gest_import_mapping_copy      (const GestImportMapping *self);
void               gest_import_mapping_free      (GestImportMapping *self);
/* The headers no field takes, comma-separated ("Notas, Vendedor"), or NULL. */
char              *gest_import_mapping_ignored   (const GestImportMapping *self);
/* Fails with GEST_ERROR_INVALID naming the required fields no column takes. */
gboolean           gest_import_mapping_check     (const GestImportMapping *self,
                                                  GError           **error);
/* The column of @field, -1 when none. */
int                gest_import_mapping_column    (const GestImportMapping *self,
                                                  GestImportField    field);
/* Remembers the mapping for its kind and header set (table import_mappings). */
gboolean           gest_import_mapping_save      (const GestImportMapping *self,
                                                  GestStore         *store,
                                                  GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestImportMapping, gest_import_mapping_free)

G_END_DECLS
