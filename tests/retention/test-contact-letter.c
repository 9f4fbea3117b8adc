/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S6, S8, S15 and the data-use rule on a real store: the call script's placeholders resolve;
 * the vehicle's open field actions are always told (even when an edited template leaves them
 * out); promotions only while valid and never from contact data that came only with a VIN
 * list; a recall-only customer gets no lapsed-maintenance letter; email when the customer has
 * a usable address, else a letter to print; the batch PDF (read back with poppler); marking it
 * printed keeps each letter as a document; promotions' rules and permission. */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-contact-letter.h"
#include "gest-domain-module.h"
#include "gest-error.h"
#include "gest-mail-outbox.h"
#include "gest-roles.h"
#include "gest-store.h"
#include "gest-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define LAPSED "retention.lapsed-maintenance"
#define RECALL "campaigns.to-contact"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static char *
today_iso (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Three customers: Ana (email, not recall-only), Beto (no email), Carla (created by a VIN
 * list: recall-only). Ana's and Carla's vehicles have the open field action 24S12; Beto's has
 * none. Targets: Ana lapsed, Beto lapsed, Carla lapsed and Carla's recall. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *yesterday = today_iso (-1);
  g_autofree char *in_ten = today_iso (10);
  g_autofree char *ten_ago = today_iso (-10);
  g_autofree char *three_ago = today_iso (-3);
  gint64 now = g_get_real_time ();

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf (
    "INSERT INTO customers (uuid, name, email, phone_mobile, street, ext_number, neighborhood, city, postal_code) VALUES"
    " ('ana', 'Ana Torres Ruiz', 'ana@example.com', '5512345678', 'Av. Juárez', '120', 'Centro', 'Puebla', '72000'),"
    " ('beto', 'Alberto Gómez', '', '5587654321', 'Calle 5', '8', 'Lomas', 'Toluca', '50000'),"
    " ('carla', 'Carla Díaz', 'carla@example.com', '5511112222', 'Reforma', '10', '', 'Querétaro', '76000');"
    "INSERT INTO vehicles (uuid, vin, model, year, plate, customer_uuid) VALUES"
    " ('v-ana', '1FTER4FH5KLA00001', 'Ranger', 2022, 'ABC-123', 'ana'),"
    " ('v-beto', '3FADP4AJ0KM000002', 'Figo', 2019, 'XYZ-999', 'beto'),"
    " ('v-carla', '1FTFW1E50MFA00003', 'F-150', 2021, '', 'carla');"
    "INSERT INTO campaigns (uuid, code, kind, description, needs_parts, created_at) VALUES"
    " ('camp-1', '24S12', 'safety-recall', 'Reemplazo del módulo de bolsa de aire', 0, 1),"
    " ('camp-2', '23B05', 'satisfaction', 'Actualización del módulo de la transmisión', 0, 1);"
    "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since, imported_at,"
    " list_owner, list_email, list_address) VALUES"
    " ('cv-ana', 'camp-1', 'v-ana', 1, 1, 1, '', '', ''),"
    " ('cv-carla', 'camp-1', 'v-carla', 1, 1, 1, 'CARLA DIAZ', 'carla@example.com', 'Reforma 10, Querétaro'),"
    " ('cv-beto-closed', 'camp-2', 'v-beto', 4, 1, 1, '', '', '');"
    "UPDATE campaign_vehicles SET closeout = 'done-here', closed_at = 2 WHERE uuid = 'cv-beto-closed';"
    "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, campaign_uuid, created_at) VALUES"
    " ('o-carla', 'carla', 'recall-list', 'camp-1', 1);"
    "INSERT INTO contact_targets (uuid, source, record_uuid, customer_uuid, vehicle_uuid, state, attempts,"
    " opened_at) VALUES"
    " ('t-ana', '" LAPSED "', 'v-ana', 'ana', 'v-ana', 'letter', 5, %" G_GINT64_FORMAT "),"
    " ('t-beto', '" LAPSED "', 'v-beto', 'beto', 'v-beto', 'letter', 5, %" G_GINT64_FORMAT "),"
    " ('t-carla-lapsed', '" LAPSED "', 'v-carla', 'carla', 'v-carla', 'letter', 5, %" G_GINT64_FORMAT "),"
    " ('t-carla-recall', '" RECALL "', 'cv-carla', 'carla', 'v-carla', 'letter', 5, %" G_GINT64_FORMAT ");"
    "INSERT INTO promotions (uuid, title, body, valid_from, valid_to, created_at) VALUES"
    " ('p-now', 'Afinación con 20 %% de descuento', 'En motores de 4 cilindros', '%s', '%s', 1),"
    " ('p-old', 'Frenos a mitad de precio', '', '%s', '%s', 1);"
    "INSERT INTO settings (key, value) VALUES ('dealer.name', 'Ford Autos del Valle'),"
    " ('dealer.phones', '55 1234 5678'), ('dealer.reservation_phones', '55 8000 3673'),"
    " ('dealer.address', 'Av. Universidad 1200, Ciudad de México');",
    now, now, now, now, yesterday, in_ten, ten_ago, three_ago);
  exec_sql (f->store, sql);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static void
create_letter (Fixture    *f,
               const char *target)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_contact_letter_create (f->store, target, g_get_real_time (), &error));
  g_assert_no_error (error);
}

static char *
query_text (GestStore  *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” should not be in:\n%s", needle, text);
}

/* The text of every page of @pdf, pages separated by "\f". */
static char *
pdf_text (GBytes *pdf,
          int     expected_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, expected_pages);
  for (int i = 0; i < expected_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *raw = poppler_page_get_text (page);
      g_auto(GStrv) words = g_regex_split_simple ("\\s+", raw, 0, 0);
      g_autofree char *joined = g_strjoinv (" ", words);

      g_string_append_printf (text, "%s\f", joined);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
render_one (Fixture    *f,
            const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM contact_letters WHERE target_uuid = '%s'", target);
  g_autofree char *uuid = query_text (f->store, sql);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;

  g_assert_nonnull (uuid);
  g_ptr_array_add (uuids, uuid);
  pdf = gest_contact_letters_render (f->store, uuids, NULL, &error);
  g_assert_no_error (error);
  return pdf_text (pdf, 1);
}

static void
test_script_resolves (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = gest_contact_script_resolve (f->store, LAPSED, "v-ana", &error);

  g_assert_no_error (error);
  assert_contains (script, "¿hablo con Ana Torres Ruiz? Le habla Test service-coordinator, de Ford Autos del Valle.");
  assert_contains (script, "Le llamamos por el mantenimiento vencido de su Ford Ranger 2022.");
  assert_contains (script, "24S12");
  assert_contains (script, "Reemplazo del módulo de bolsa de aire");
  assert_contains (script, "Promoción vigente: Afinación con 20 % de descuento: En motores de 4 cilindros");
  assert_contains (script, "puede llamarnos al 55 8000 3673.");
  assert_lacks (script, "Frenos a mitad de precio");
  assert_lacks (script, "{{");
  assert_lacks (script, "\n\n\n");

  /* Beto's vehicle has only a closed-out field action: nothing to tell. */
  g_clear_pointer (&script, g_free);
  script = gest_contact_script_resolve (f->store, LAPSED, "v-beto", &error);
  g_assert_no_error (error);
  assert_lacks (script, "23B05");
  assert_lacks (script, "acciones de servicio en campo");
}

static void
test_open_actions_always (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *outbox_body = NULL;
  GestTemplateRecord edited = { 0 };

  /* The manager edits the letter and the email and leaves the field actions out. */
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
  gest_contact_templates_init ();
  edited.kind = (char *) GEST_CONTACT_TEMPLATE_LETTER;
  edited.name = (char *) "Carta corta";
  edited.subject = (char *) "Su servicio";
  edited.body = (char *) "Estimado(a) {{customer.name}}: llámenos al {{dealer.phones}}.";
  g_assert_true (gest_templates_save (f->store, &edited, NULL, &error));
  g_assert_no_error (error);
  edited.kind = (char *) GEST_CONTACT_TEMPLATE_EMAIL;
  g_assert_true (gest_templates_save (f->store, &edited, NULL, &error));
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);

  create_letter (f, "t-ana");
  outbox_body = query_text (f->store, "SELECT body FROM mail_outbox WHERE record_uuid = 't-ana'");
  g_assert_nonnull (outbox_body);
  assert_contains (outbox_body, "Estimado(a) Ana Torres Ruiz: llámenos al 55 8000 3673.");
  assert_contains (outbox_body, "24S12");
  assert_contains (outbox_body, "Reemplazo del módulo de bolsa de aire");

  exec_sql (f->store, "UPDATE vehicles SET customer_uuid = 'beto' WHERE uuid = 'v-ana';"
                      "UPDATE contact_targets SET vehicle_uuid = 'v-ana' WHERE uuid = 't-beto'");
  create_letter (f, "t-beto");
  text = render_one (f, "t-beto");
  assert_contains (text, "Estimado(a) Alberto Gómez: llámenos al 55 8000 3673.");
  assert_contains (text, "24S12");
}

static void
test_promotions_when_allowed (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *beto = NULL;
  g_autofree char *carla = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;

  create_letter (f, "t-beto");
  beto = render_one (f, "t-beto");
  assert_contains (beto, "Afinación con 20 % de descuento");
  assert_lacks (beto, "Frenos a mitad de precio");

  /* The recall's own letter to a recall-only customer: sent, with the field action, no promotions. */
  create_letter (f, "t-carla-recall");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"
                                                  " WHERE target_uuid = 't-carla-recall' AND channel = 'email'"), ==, 1);
  carla = query_text (f->store, "SELECT body FROM mail_outbox WHERE record_uuid = 't-carla-recall'");
  assert_contains (carla, "Carla Díaz");
  assert_contains (carla, "la acción de servicio en campo 24S12");
  assert_contains (carla, "Reemplazo del módulo de bolsa de aire");
  assert_lacks (carla, "Afinación");
  assert_lacks (carla, "Promoci");

  script = gest_contact_script_resolve (f->store, RECALL, "cv-carla", &error);
  g_assert_no_error (error);
  assert_contains (script, "24S12");
  assert_lacks (script, "Afinación");
}

static void
test_recall_only_no_lapsed_letter (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *note = NULL;

  create_letter (f, "t-carla-lapsed");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM mail_outbox"), ==, 0);
  note = query_text (f->store, "SELECT text FROM activity WHERE record_uuid = 't-carla-lapsed'");
  g_assert_cmpstr (note, ==,
                   "No letter or email was sent after the fifth failed attempt: the customer’s contact data came "
                   "only with a field action’s VIN list, and may be used only for that recall. Confirm the "
                   "customer’s data to contact them for anything else.");

  /* Once the dealer confirms the data (the mark goes), the letter goes out. */
  exec_sql (f->store, "UPDATE customer_data_origins SET deleted = 1 WHERE uuid = 'o-carla'");
  create_letter (f, "t-carla-lapsed");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"
                                                  " WHERE target_uuid = 't-carla-lapsed' AND channel = 'email'"), ==, 1);
}

static void
test_email_or_letter (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *recipient = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *log = NULL;

  create_letter (f, "t-ana");
  create_letter (f, "t-beto");
  /* Twice: still one letter per contact. */
  create_letter (f, "t-ana");

  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"
                                                  " WHERE target_uuid = 't-ana' AND channel = 'email'"
                                                  " AND mail_outbox_uuid IS NOT NULL"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"
                                                  " WHERE target_uuid = 't-beto' AND channel = 'letter'"
                                                  " AND mail_outbox_uuid IS NULL AND printed_at IS NULL"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM mail_outbox"
                                                  " WHERE module = 'retention' AND purpose = 'contact-letter'"), ==, 1);
  recipient = query_text (f->store, "SELECT recipient FROM mail_outbox");
  subject = query_text (f->store, "SELECT subject FROM mail_outbox");
  body = query_text (f->store, "SELECT body FROM mail_outbox");
  g_assert_cmpstr (recipient, ==, "ana@example.com");
  g_assert_cmpstr (subject, ==, "Ford Autos del Valle: servicio pendiente de su Ford Ranger 2022");
  assert_contains (body, "Estimado(a) Ana Torres Ruiz:");
  assert_contains (body, "para atender el mantenimiento vencido de su Ford Ranger 2022 (VIN 1FTER4FH5KLA00001).");
  assert_contains (body, "24S12");
  assert_contains (body, "Afinación con 20 % de descuento");
  assert_contains (body, "llámenos al 55 8000 3673 o visítenos en Av. Universidad 1200, Ciudad de México.");
  log = query_text (f->store, "SELECT text FROM activity WHERE record_uuid = 't-beto'");
  g_assert_cmpstr (log, ==, "Letter to Alberto Gómez waiting to be printed after five failed attempts.");

  /* The outbox sends it: the module's mail_sent stamps the letter and logs it on the contact. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) pending = gest_mail_outbox_list_pending (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (pending->len, ==, 1);
    g_assert_true (gest_mail_outbox_mark_sent (f->store, g_ptr_array_index (pending, 0), &error));
    g_assert_no_error (error);
    g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"
                                                    " WHERE target_uuid = 't-ana' AND sent_at > 0"), ==, 1);
    g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM activity WHERE record_uuid = 't-ana'"
                                                    " AND text = 'The email after five failed attempts was delivered.'"),
                     ==, 1);
  }

  /* An address the outbox would refuse is no address: a letter. */
  exec_sql (f->store, "UPDATE customers SET email = 'ana@' WHERE uuid = 'ana';"
                      "DELETE FROM contact_letters; DELETE FROM mail_outbox;");
  create_letter (f, "t-ana");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"
                                                  " WHERE target_uuid = 't-ana' AND channel = 'letter'"), ==, 1);

  /* The outbox delivered the email: its letter is stamped sent. */
  {
    g_autoptr(GError) error = NULL;

    exec_sql (f->store, "UPDATE contact_letters SET channel = 'email' WHERE target_uuid = 't-ana'");
    g_assert_true (gest_contact_letter_mail_sent (NULL, f->store, "contact-letter", "t-ana", 1234, &error));
    g_assert_no_error (error);
    g_assert_cmpint (gest_test_query_int (f->store, "SELECT sent_at FROM contact_letters"
                                                    " WHERE target_uuid = 't-ana'"), ==, 1234);
  }
}

/* The recall's own letter may use what Ford's VIN list gave when the customer record lacks it. */
static void
test_recall_uses_list_data (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *recipient = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  /* A local edit of the contact data confirms it (the mark goes): mark it again, as an import
   * that created the customer without them would. */
  exec_sql (f->store, "UPDATE customers SET email = '', street = '', ext_number = '', city = '', postal_code = ''"
                      " WHERE uuid = 'carla';"
                      "DELETE FROM customer_data_origins WHERE customer_uuid = 'carla';"
                      "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, campaign_uuid, created_at)"
                      " VALUES ('o-carla-2', 'carla', 'recall-list', 'camp-1', 2);");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customer_data_origins"
                                                  " WHERE customer_uuid = 'carla' AND deleted = 0"), ==, 1);
  create_letter (f, "t-carla-recall");
  recipient = query_text (f->store, "SELECT recipient FROM mail_outbox WHERE record_uuid = 't-carla-recall'");
  g_assert_cmpstr (recipient, ==, "carla@example.com");

  /* Without the list's email either: a letter to the list's address. */
  exec_sql (f->store, "DELETE FROM contact_letters; DELETE FROM mail_outbox;"
                      "UPDATE campaign_vehicles SET list_email = '' WHERE uuid = 'cv-carla'");
  create_letter (f, "t-carla-recall");
  uuids = gest_contact_letters_to_print (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uuids->len, ==, 1);
  pdf = gest_contact_letters_render (f->store, uuids, NULL, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf, 1);
  assert_contains (text, "Carla Díaz Reforma 10, Querétaro");
  assert_contains (text, "la acción de servicio en campo 24S12");
  assert_lacks (text, "Afinación");

  /* Printing is the queue's work: a service advisor may not. */
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  g_assert_false (gest_contact_letters_mark_printed (f->store, uuids, 10, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters WHERE printed_at IS NULL"),
                   ==, 1);
}

static void
test_batch_pdf (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  exec_sql (f->store, "UPDATE customers SET email = '' WHERE uuid = 'ana'");
  create_letter (f, "t-beto");
  create_letter (f, "t-ana");
  uuids = gest_contact_letters_to_print (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uuids->len, ==, 2);

  pdf = gest_contact_letters_render (f->store, uuids, NULL, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf, 2);
  pages = g_strsplit (text, "\f", -1);
  /* Oldest first; each letter on its own page, with the letterhead and its own page count. */
  assert_contains (pages[0], "Ford Autos del Valle");
  assert_contains (pages[0], "Tel. 55 8000 3673");
  assert_contains (pages[0], "Alberto Gómez Calle 5 8, Lomas, Toluca, C.P. 50000");
  assert_contains (pages[0], "Asunto: Servicio pendiente de su Ford Figo 2019");
  assert_contains (pages[0], "Página 1 de 1");
  assert_lacks (pages[0], "24S12");
  assert_lacks (pages[0], "Ana Torres");
  assert_contains (pages[1], "Ana Torres Ruiz Av. Juárez 120, Centro, Puebla, C.P. 72000");
  assert_contains (pages[1], "24S12");
  assert_contains (pages[1], "Reemplazo del módulo de bolsa de aire");
  assert_contains (pages[1], "Afinación con 20 % de descuento");
  assert_contains (pages[1], "llámenos al 55 8000 3673 o visítenos en Av. Universidad 1200, Ciudad de México.");
  assert_contains (pages[1], "Página 1 de 1");

  g_assert_true (gest_contact_letters_mark_printed (f->store, uuids, 5000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_letters"
                                                  " WHERE printed_at = 5000 AND document_uuid IS NOT NULL"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM documents d JOIN contact_letters l"
                                                  " ON l.document_uuid = d.uuid AND d.record_uuid = l.target_uuid"),
                   ==, 2);
  g_clear_pointer (&uuids, g_ptr_array_unref);
  uuids = gest_contact_letters_to_print (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uuids->len, ==, 0);
}

static void
test_promotions_crud (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *today = today_iso (0);
  GestPromotion promotion = { 0 };

  promotion.title = (char *) "Lavado gratis";
  promotion.body = (char *) "Con cualquier servicio";
  promotion.valid_from = (char *) "2030-06-01";
  promotion.valid_to = (char *) "2030-06-30";

  /* The coordinator tells promotions but does not set them. */
  g_assert_false (gest_promotion_save (f->store, &promotion, &uuid, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
  promotion.title = (char *) "  ";
  g_assert_false (gest_promotion_save (f->store, &promotion, &uuid, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The promotion has no title. Write the title customers will hear, for example "
                   "“Free car wash with any service”.");
  g_clear_error (&error);
  promotion.title = (char *) "Lavado gratis";
  promotion.valid_to = (char *) "2030-05-31";
  g_assert_false (gest_promotion_save (f->store, &promotion, &uuid, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The promotion ends on 31/05/2030, before it starts on 01/06/2030. Correct one of the two dates.");
  g_clear_error (&error);

  /* One day long is fine. */
  promotion.valid_to = (char *) "2030-06-01";
  g_assert_true (gest_promotion_save (f->store, &promotion, &uuid, &error));
  g_assert_no_error (error);
  list = gest_promotions_list (f->store, "2030-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((GestPromotion *) g_ptr_array_index (list, 0))->title, ==, "Lavado gratis");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gest_promotions_list (f->store, "2030-06-02", &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  promotion.uuid = uuid;
  promotion.title = (char *) "Lavado y aspirado gratis";
  g_assert_true (gest_promotion_save (f->store, &promotion, NULL, &error));
  g_assert_no_error (error);
  list = gest_promotions_list (f->store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM activity WHERE text ="
                                                  " 'Promotion “Lavado y aspirado gratis” changed, valid from"
                                                  " 01/06/2030 to 01/06/2030.'"), ==, 1);

  g_assert_true (gest_promotion_delete (f->store, uuid, &error));
  g_assert_no_error (error);
  list = gest_promotions_list (f->store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gest_promotions_list (f->store, today, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scripts = NULL;
  GestTemplateRecord bad = { 0 };

  g_assert_true (gest_contact_templates_ensure_defaults (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (gest_contact_templates_ensure_defaults (f->store, &error));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM templates WHERE kind LIKE 'retention.%'"),
                   ==, 3);
  scripts = gest_templates_list (f->store, GEST_CONTACT_TEMPLATE_SCRIPT, &error);
  g_assert_cmpuint (scripts->len, ==, 1);

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
  bad.kind = (char *) GEST_CONTACT_TEMPLATE_SCRIPT;
  bad.name = (char *) "Guion";
  bad.subject = (char *) "";
  bad.body = (char *) "Hola {{customer.nombre}}";
  g_assert_false (gest_templates_save (f->store, &bad, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/retention/S6/script-placeholders-resolve", test_script_resolves);
  ADD ("/retention/S8/open-field-actions-always-told", test_open_actions_always);
  ADD ("/retention/S15/promotions-only-when-allowed", test_promotions_when_allowed);
  ADD ("/retention/S15/data-use-recall-only-no-lapsed-letter", test_recall_only_no_lapsed_letter);
  ADD ("/retention/S15/email-or-letter", test_email_or_letter);
  ADD ("/retention/S15/recall-letter-uses-list-data", test_recall_uses_list_data);
  ADD ("/retention/S15/batch-pdf-and-printed", test_batch_pdf);
  ADD ("/retention/S15/promotions-rules-and-permission", test_promotions_crud);
  ADD ("/retention/S6/templates-defaults-and-placeholders", test_templates);
#undef ADD

  return g_test_run ();
}
