#include "cdigest.h"
#include <openssl/evp.h>

struct cdigest_sha256 {
    EVP_MD_CTX *context;
};

cdigest_sha256 *cdigest_sha256_new(void) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL) return NULL;
    if (EVP_DigestInit_ex(context, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    cdigest_sha256 *digest = OPENSSL_malloc(sizeof(cdigest_sha256));
    if (digest == NULL) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    digest->context = context;
    return digest;
}

void cdigest_sha256_update(cdigest_sha256 *digest, const void *bytes, size_t count) {
    if (count > 0) EVP_DigestUpdate(digest->context, bytes, count);
}

int cdigest_sha256_final(cdigest_sha256 *digest, uint8_t *out) {
    unsigned int length = 0;
    return EVP_DigestFinal_ex(digest->context, out, &length) == 1 && length == 32;
}

void cdigest_sha256_free(cdigest_sha256 *digest) {
    if (digest == NULL) return;
    EVP_MD_CTX_free(digest->context);
    OPENSSL_free(digest);
}
