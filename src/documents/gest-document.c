/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-document.h"

struct _GestDocument
{
  GObject           parent_instance;

  char             *uuid;
  char             *record_uuid;
  GestDocumentKind  kind;
  char             *sha256;
  gint64            size;
  char             *mime_type;
  char             *filename;
  char             *added_by;
  gint64            added_at;
};

G_DEFINE_FINAL_TYPE (GestDocument, gest_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_RECORD_UUID,
  PROP_KIND,
  PROP_SHA256,
  PROP_SIZE,
  PROP_MIME_TYPE,
  PROP_FILENAME,
  PROP_ADDED_BY,
  PROP_ADDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *id;
  const char *label;
} kinds[GEST_N_DOCUMENT_KINDS] = {
  [GEST_DOCUMENT_KIND_PAYMENT_PROOF] = { "payment-proof", N_("Payment proof") },
  [GEST_DOCUMENT_KIND_IDENTIFICATION] = { "identification", N_("Identification") },
  [GEST_DOCUMENT_KIND_PLAN_STATEMENT] = { "plan-statement", N_("Plan statement") },
  [GEST_DOCUMENT_KIND_INVOICE] = { "invoice", N_("Invoice") },
  [GEST_DOCUMENT_KIND_ACKNOWLEDGMENT] = { "acknowledgment", N_("Acknowledgment") },
  [GEST_DOCUMENT_KIND_OTHER] = { "other", N_("Other") },
  [GEST_DOCUMENT_KIND_CUSTOMER_LETTER] = { "customer-letter", N_("Customer's letter") },
  [GEST_DOCUMENT_KIND_ANSWER_LETTER] = { "answer-letter", N_("Answer letter") },
  [GEST_DOCUMENT_KIND_MEMO] = { "memo", N_("Memo") },
  [GEST_DOCUMENT_KIND_STAMPED_MEMO] = { "stamped-memo", N_("Memo with the received stamp") },
  [GEST_DOCUMENT_KIND_CONTACT_REPORT] = { "contact-report", N_("Contact actions report") },
  [GEST_DOCUMENT_KIND_SIGNED_ACCEPTANCE] = { "signed-acceptance", N_("Signed acceptance of costs") },
};

/* Words in file names, in the order they are tried: "acuse de recibo de factura" is an
 * acknowledgment, not an invoice, so acknowledgments come first. Words are compared
 * without accents and case. */
static const struct
{
  GestDocumentKind  kind;
  const char       *words[9];
} guesses[] = {
  { GEST_DOCUMENT_KIND_ACKNOWLEDGMENT, { "acuse", "acknowledgment", "acknowledgement", NULL } },
  { GEST_DOCUMENT_KIND_SIGNED_ACCEPTANCE, { "aceptacion", "acceptance", NULL } },
  { GEST_DOCUMENT_KIND_STAMPED_MEMO, { "sello", "sellado", "radicado", "stamped", NULL } },
  { GEST_DOCUMENT_KIND_MEMO, { "memo", "memorando", "memorandum", NULL } },
  { GEST_DOCUMENT_KIND_ANSWER_LETTER, { "respuesta", "answer", NULL } },
  { GEST_DOCUMENT_KIND_CONTACT_REPORT, { "gestiones", "informe", "report", NULL } },
  { GEST_DOCUMENT_KIND_CUSTOMER_LETTER, { "carta", "escrito", "letter", NULL } },
  { GEST_DOCUMENT_KIND_PLAN_STATEMENT, { "estado", "edocta", "edo", "statement", NULL } },
  { GEST_DOCUMENT_KIND_PAYMENT_PROOF, { "comprobante", "pago", "deposito", "transferencia",
                                        "spei", "recibo", "payment", "receipt", NULL } },
  { GEST_DOCUMENT_KIND_INVOICE, { "factura", "invoice", "cfdi", NULL } },
  { GEST_DOCUMENT_KIND_IDENTIFICATION, { "ine", "ife", "identificacion", "credencial",
                                         "pasaporte", "passport", "identification", "id", NULL } },
};

static void
gest_document_finalize (GObject *object)
{
  GestDocument *self = (GestDocument *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->record_uuid, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->mime_type, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->added_by, g_free);

  G_OBJECT_CLASS (gest_document_parent_class)->finalize (object);
}

static void
gest_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GestDocument *self = GEST_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_RECORD_UUID:
      g_value_set_string (value, self->record_uuid);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_ADDED_BY:
      g_value_set_string (value, self->added_by);
      break;
    case PROP_ADDED_AT:
      g_value_set_int64 (value, self->added_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_class_init (GestDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gest_document_finalize;
  object_class->get_property = gest_document_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_RECORD_UUID] = g_param_spec_string ("record-uuid", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL,
                                            0, GEST_N_DOCUMENT_KINDS - 1,
                                            GEST_DOCUMENT_KIND_OTHER, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MIME_TYPE] = g_param_spec_string ("mime-type", NULL, NULL, NULL, flags);
  properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, flags);
  properties[PROP_ADDED_BY] = g_param_spec_string ("added-by", NULL, NULL, NULL, flags);
  properties[PROP_ADDED_AT] = g_param_spec_int64 ("added-at", NULL, NULL,
                                                  G_MININT64, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_document_init (GestDocument *self)
{
  self->kind = GEST_DOCUMENT_KIND_OTHER;
}

const char *
gest_document_kind_id (GestDocumentKind kind)
{
  g_return_val_if_fail (kind < GEST_N_DOCUMENT_KINDS, NULL);

  return kinds[kind].id;
}

const char *
gest_document_kind_label (GestDocumentKind kind)
{
  g_return_val_if_fail (kind < GEST_N_DOCUMENT_KINDS, NULL);

  return _(kinds[kind].label);
}

gboolean
gest_document_kind_from_id (const char       *id,
                            GestDocumentKind *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < GEST_N_DOCUMENT_KINDS; i++)
    {
      if (g_str_equal (id, kinds[i].id))
        {
          if (out != NULL)
            *out = (GestDocumentKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

GestDocumentKind
gest_document_kind_guess (const char *filename)
{
  g_autofree char *ascii = NULL;
  g_auto(GStrv) words = NULL;

  if (filename == NULL)
    return GEST_DOCUMENT_KIND_OTHER;

  /* "Identificación_Juan.PDF" → "identificacion juan pdf" → words. */
  ascii = g_str_to_ascii (filename, "C");
  for (char *p = ascii; *p != '\0'; p++)
    *p = g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : ' ';
  words = g_strsplit (ascii, " ", -1);

  for (guint g = 0; g < G_N_ELEMENTS (guesses); g++)
    for (guint w = 0; guesses[g].words[w] != NULL; w++)
      if (g_strv_contains ((const char * const *) words, guesses[g].words[w]))
        return guesses[g].kind;

  return GEST_DOCUMENT_KIND_OTHER;
}

GestDocument *
gest_document_new (const char       *uuid,
                   const char       *record_uuid,
                   GestDocumentKind  kind,
                   const char       *sha256,
                   gint64            size,
                   const char       *mime_type,
                   const char       *filename,
                   const char       *added_by,
                   gint64            added_at)
{
  GestDocument *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (record_uuid != NULL, NULL);
  g_return_val_if_fail (kind < GEST_N_DOCUMENT_KINDS, NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  self = g_object_new (GEST_TYPE_DOCUMENT, NULL);
  self->uuid = g_strdup (uuid);
  self->record_uuid = g_strdup (record_uuid);
  self->kind = kind;
  self->sha256 = g_strdup (sha256);
  self->size = size;
  self->mime_type = g_strdup (mime_type != NULL ? mime_type : "application/octet-stream");
  self->filename = g_strdup (filename != NULL ? filename : "");
  self->added_by = g_strdup (added_by != NULL ? added_by : "");
  self->added_at = added_at;

  return self;
}

const char *
gest_document_get_uuid (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), NULL);
  return self->uuid;
}

const char *
gest_document_get_record_uuid (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), NULL);
  return self->record_uuid;
}

GestDocumentKind
gest_document_get_kind (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), GEST_DOCUMENT_KIND_OTHER);
  return self->kind;
}

const char *
gest_document_get_sha256 (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

gint64
gest_document_get_size (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), 0);
  return self->size;
}

const char *
gest_document_get_mime_type (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), NULL);
  return self->mime_type;
}

const char *
gest_document_get_filename (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), NULL);
  return self->filename;
}

const char *
gest_document_get_added_by (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), NULL);
  return self->added_by;
}

gint64
gest_document_get_added_at (GestDocument *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT (self), 0);
  return self->added_at;
}

gboolean
gest_document_sha256_is_valid (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isdigit (sha256[i]) && !(sha256[i] >= 'a' && sha256[i] <= 'f'))
      return FALSE;
  return TRUE;
}
