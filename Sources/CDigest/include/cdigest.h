#ifndef CDIGEST_H
#define CDIGEST_H
// SHA-256 through the system's libcrypto (Debian's libssl-dev), behind plain C types and an
// opaque handle: Swift never sees an OpenSSL header.
#include <stddef.h>
#include <stdint.h>

typedef struct cdigest_sha256 cdigest_sha256;

/// A new SHA-256 computation, or NULL when libcrypto cannot provide one.
cdigest_sha256 *cdigest_sha256_new(void);
/// Adds `count` bytes.
void cdigest_sha256_update(cdigest_sha256 *digest, const void *bytes, size_t count);
/// Writes the 32-byte digest into `out` (the computation cannot be updated afterwards).
/// Returns 1 on success, 0 on failure.
int cdigest_sha256_final(cdigest_sha256 *digest, uint8_t *out);
/// Frees the computation (NULL is allowed).
void cdigest_sha256_free(cdigest_sha256 *digest);

#endif
