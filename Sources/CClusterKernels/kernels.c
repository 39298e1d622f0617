// The implementations behind cclusterkernels.h. Each width is the same source, a GCC/Clang
// vector of 8 doubles, compiled under its own target attribute: the compiler lowers one vector
// operation to one AVX-512 instruction, two AVX2 ones or four SSE2 ones. Lane by lane the
// operations are the same IEEE multiplies, adds, compares and bitwise selections, in the same
// order, so every width gives the same bits.

// Never fuse a multiply and an add (AVX-512F implies FMA): the fused form rounds once, not
// twice, and would change the bits.
#pragma STDC FP_CONTRACT OFF

#include "cclusterkernels.h"

#include <stdlib.h>
#include <string.h>

typedef double cck_v8 __attribute__((vector_size(64), aligned(8)));
typedef int64_t cck_m8 __attribute__((vector_size(64), aligned(8)));
typedef double cck_v4 __attribute__((vector_size(32), aligned(8)));
typedef int64_t cck_m4 __attribute__((vector_size(32), aligned(8)));
typedef double cck_v2 __attribute__((vector_size(16), aligned(8)));
typedef int64_t cck_m2 __attribute__((vector_size(16), aligned(8)));
/// A comparison's lanes as bits (lane i → bit i): one instruction (kmov, vmovmskpd, movmskpd).
typedef _Bool cck_b8 __attribute__((ext_vector_type(8)));

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define CCK_X86 1
#define CCK_AVX512 __attribute__((target("avx512f")))
#define CCK_AVX2 __attribute__((target("avx2")))
#else
#define CCK_X86 0
#endif
#define CCK_INLINE static inline __attribute__((always_inline))

// Helpers as macros, not functions: a function taking or returning an 8-double vector would need
// one calling convention per target.
#define CCK_SPLAT(x) ((cck_v8){(x), (x), (x), (x), (x), (x), (x), (x)})
/// An unaligned load or store of 8 doubles.
#define CCK_LOAD(v, p) memcpy(&(v), (p), sizeof(cck_v8))
#define CCK_STORE(p, v) memcpy((p), &(v), sizeof(cck_v8))
/// `mask` lanes (all ones or all zeros) of `a` replaced by `b`'s: a bitwise blend, exact.
#define CCK_SELECT(mask, a, b) ((cck_v8)((((cck_m8)(a)) & ~(mask)) | (((cck_m8)(b)) & (mask))))
#define CCK_SELECT4(mask, a, b) ((cck_v4)((((cck_m4)(a)) & ~(mask)) | (((cck_m4)(b)) & (mask))))
#define CCK_SELECT2(mask, a, b) ((cck_v2)((((cck_m2)(a)) & ~(mask)) | (((cck_m2)(b)) & (mask))))
/// The largest lane of 8 (none NaN): halves, then quarters, then the last two lanes, each step
/// `b > a ? b : a` for a the lower lanes.
#define CCK_LARGEST(lanes)                                                                                 \
    ({                                                                                                     \
        const cck_v8 all_ = (lanes);                                                                       \
        const cck_v4 low_ = __builtin_shufflevector(all_, all_, 0, 1, 2, 3);                               \
        const cck_v4 high_ = __builtin_shufflevector(all_, all_, 4, 5, 6, 7);                              \
        const cck_v4 half_ = CCK_SELECT4(high_ > low_, low_, high_);                                       \
        const cck_v2 quarterLow_ = __builtin_shufflevector(half_, half_, 0, 1);                            \
        const cck_v2 quarterHigh_ = __builtin_shufflevector(half_, half_, 2, 3);                           \
        const cck_v2 quarter_ = CCK_SELECT2(quarterHigh_ > quarterLow_, quarterLow_, quarterHigh_);        \
        quarter_[1] > quarter_[0] ? quarter_[1] : quarter_[0];                                             \
    })
/// The lanes of a comparison `mask` as the bits of an `unsigned`.
#define CCK_BITS(mask) ((unsigned)(unsigned char)__builtin_bit_cast(unsigned char, __builtin_convertvector((mask), cck_b8)))

// MARK: scoring a row against every centroid

/// `out[g ..< g + 8·tile]`: `tile` groups of 8 lanes, each lane summed over the entries in order.
/// Inlined with a constant `tile`, so the accumulators live in registers.
#define CCK_SCORE_TILE(SUFFIX, TARGET)                                                                   \
    TARGET CCK_INLINE void cck_score_tile_##SUFFIX(const double *table, ptrdiff_t stride,              \
                                                  const int32_t *columns, const double *weights,       \
                                                  ptrdiff_t count, double *out, ptrdiff_t g,           \
                                                  const int tile) {                                    \
        cck_v8 sums[8];                                                                                \
        for (int t = 0; t < tile; t++) sums[t] = CCK_SPLAT(0.0);                                       \
        for (ptrdiff_t i = 0; i < count; i++) {                                                        \
            const cck_v8 weight = CCK_SPLAT(weights[i]);                                               \
            const double *row = table + (ptrdiff_t)columns[i] * stride + g;                            \
            for (int t = 0; t < tile; t++) {                                                           \
                cck_v8 value;                                                                          \
                CCK_LOAD(value, row + 8 * t);                                                          \
                const cck_v8 product = weight * value;                                                 \
                sums[t] = sums[t] + product;                                                           \
            }                                                                                          \
        }                                                                                              \
        for (int t = 0; t < tile; t++) CCK_STORE(out + g + 8 * t, sums[t]);                            \
    }

/// Every group of the row: tiles of `widest` groups (as many accumulators as the registers hold),
/// then what is left in halving tiles.
#define CCK_SCORE_ALL(SUFFIX, TARGET, WIDEST)                                                            \
    CCK_SCORE_TILE(SUFFIX, TARGET)                                                                     \
    TARGET static void cck_score_all_##SUFFIX(const double *table, ptrdiff_t stride,                   \
                                              const int32_t *columns, const double *weights,           \
                                              ptrdiff_t count, double *out) {                          \
        ptrdiff_t g = 0;                                                                               \
        for (; g + 8 * (WIDEST) <= stride; g += 8 * (WIDEST))                                          \
            cck_score_tile_##SUFFIX(table, stride, columns, weights, count, out, g, (WIDEST));         \
        if ((WIDEST) > 4 && g + 32 <= stride) {                                                        \
            cck_score_tile_##SUFFIX(table, stride, columns, weights, count, out, g, 4);                \
            g += 32;                                                                                   \
        }                                                                                              \
        if ((WIDEST) > 2 && g + 16 <= stride) {                                                        \
            cck_score_tile_##SUFFIX(table, stride, columns, weights, count, out, g, 2);                \
            g += 16;                                                                                   \
        }                                                                                              \
        if ((WIDEST) > 1 && g + 8 <= stride) {                                                         \
            cck_score_tile_##SUFFIX(table, stride, columns, weights, count, out, g, 1);                \
            g += 8;                                                                                    \
        }                                                                                              \
    }

// Accumulators per tile: 8 zmm (AVX-512 has 32 registers), 4 × 2 ymm or 2 × 4 xmm (16 registers).
CCK_SCORE_ALL(baseline, , 2)
#if CCK_X86
CCK_SCORE_ALL(avx2, CCK_AVX2, 4)
CCK_SCORE_ALL(avx512, CCK_AVX512, 8)
#endif

// MARK: ranking a full scan

/// Group `g` of the scores as the ranking sees them: padding lanes (index ≥ k) −1e300, tame and no
/// larger than any tame score, after every real lane; the lanes `skip1` and `skip2` (set aside)
/// −∞. Masked in registers, so the scores are only read.
#define CCK_RANK_GROUP(values, scores, g, k, skip1, skip2)                                                 \
    do {                                                                                                   \
        const cck_m8 index_ = (cck_m8){0, 1, 2, 3, 4, 5, 6, 7} + 8 * (int64_t)(g);                         \
        CCK_LOAD(values, (scores) + 8 * (g));                                                              \
        values = CCK_SELECT(index_ >= (int64_t)(k), values, CCK_SPLAT(-1e300));                            \
        values = CCK_SELECT((index_ == (int64_t)(skip1)) | (index_ == (int64_t)(skip2)), values,           \
                            CCK_SPLAT(-__builtin_inf()));                                                  \
    } while (0)

#define CCK_RANK(SUFFIX, TARGET)                                                                         \
    /* The largest score left, lane-wise maxima over the groups. */                                    \
    TARGET CCK_INLINE double cck_largest_remaining_##SUFFIX(const double *scores, ptrdiff_t k,         \
                                                            ptrdiff_t groups, ptrdiff_t skip1,         \
                                                            ptrdiff_t skip2) {                         \
        cck_v8 top = CCK_SPLAT(-__builtin_inf());                                                      \
        for (ptrdiff_t g = 0; g < groups; g++) {                                                       \
            cck_v8 values;                                                                             \
            CCK_RANK_GROUP(values, scores, g, k, skip1, skip2);                                        \
            top = CCK_SELECT(values > top, top, values);                                               \
        }                                                                                              \
        return CCK_LARGEST(top);                                                                       \
    }                                                                                                  \
    /* The first index holding `largest` (present) other than `skip`. */                               \
    TARGET CCK_INLINE ptrdiff_t cck_first_##SUFFIX(const double *scores, ptrdiff_t k,                  \
                                                   ptrdiff_t groups, double largest, ptrdiff_t skip) { \
        const cck_v8 wanted = CCK_SPLAT(largest);                                                      \
        for (ptrdiff_t g = 0; g < groups; g++) {                                                       \
            cck_v8 values;                                                                             \
            CCK_RANK_GROUP(values, scores, g, k, skip, skip);                                          \
            const unsigned bits = CCK_BITS(values == wanted);                                          \
            if (bits != 0) return 8 * g + __builtin_ctz(bits);                                         \
        }                                                                                              \
        return 0; /* unreachable: `largest` is one of the lanes */                                     \
    }                                                                                                  \
    TARGET static int cck_rank_##SUFFIX(const double *scores, ptrdiff_t k, ptrdiff_t stride,                 \
                                        cck_ranking *ranking) {                                        \
        if (k < 3) return 0;                                                                           \
        const ptrdiff_t groups = stride / 8;                                                           \
        const cck_v8 limit = CCK_SPLAT(1e300), lowest = CCK_SPLAT(-1e300);                             \
        cck_v8 top = CCK_SPLAT(-__builtin_inf());                                                      \
        cck_m8 tame = (cck_m8){-1, -1, -1, -1, -1, -1, -1, -1};                                        \
        for (ptrdiff_t g = 0; g < groups; g++) {                                                       \
            cck_v8 values;                                                                             \
            CCK_RANK_GROUP(values, scores, g, k, -1, -1);                                              \
            tame = tame & (values <= limit) & (values >= lowest);                                      \
            top = CCK_SELECT(values > top, top, values);                                               \
        }                                                                                              \
        if (CCK_BITS(tame) != 0xFF) return 0;                                                          \
        const ptrdiff_t best = cck_first_##SUFFIX(scores, k, groups, CCK_LARGEST(top), -1);            \
        const ptrdiff_t second = cck_first_##SUFFIX(                                                   \
            scores, k, groups, cck_largest_remaining_##SUFFIX(scores, k, groups, best, best), best);   \
        ranking->best = best;                                                                          \
        ranking->best_value = scores[best];                                                            \
        ranking->second = second;                                                                      \
        ranking->rival = scores[second];                                                               \
        ranking->upper = cck_largest_remaining_##SUFFIX(scores, k, groups, best, second);              \
        return 1;                                                                                      \
    }

CCK_RANK(baseline, )
#if CCK_X86
CCK_RANK(avx2, CCK_AVX2)
CCK_RANK(avx512, CCK_AVX512)
#endif

// MARK: capped distances

/// A row's capped distance, 8 lanes: `d = 1 − s; d = d < 0 ? 0 : d; cap < d ? cap : d` (a NaN kept).
#define CCK_CAPPED(similarities, cap)                                                                      \
    ({                                                                                                     \
        const cck_v8 zero_ = CCK_SPLAT(0.0), distance_ = CCK_SPLAT(1.0) - (similarities);                  \
        const cck_v8 clamped_ = CCK_SELECT(distance_ < zero_, distance_, zero_);                           \
        CCK_SELECT((cap) < clamped_, clamped_, (cap));                                                     \
    })
/// One row's capped distance as Swift's `min(max(0, 1 − s), cap)` gives it (a NaN dropped).
#define CCK_CAPPED_SCALAR(similarity, cap)                                                                 \
    ({                                                                                                     \
        const double distance_ = 1 - (similarity), clamped_ = distance_ >= 0 ? distance_ : 0;              \
        (cap) < clamped_ ? (cap) : clamped_;                                                               \
    })
/// Eight lanes added as `((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))`.
#define CCK_TREE(l) ((((l)[0] + (l)[1]) + ((l)[2] + (l)[3])) + (((l)[4] + (l)[5]) + ((l)[6] + (l)[7])))

#define CCK_DISTANCE_SUMS(SUFFIX, TARGET)                                                                \
    TARGET static void cck_capped_distance_sums_##SUFFIX(ptrdiff_t count, double *s0, double *s1,      \
                                                         const double *caps, int clearing,             \
                                                         double *sums) {                               \
        const cck_v8 zero = CCK_SPLAT(0.0);                                                            \
        cck_v8 lanes0 = zero, lanes1 = zero;                                                           \
        ptrdiff_t row = 0;                                                                             \
        for (; row + 8 <= count; row += 8) {                                                           \
            cck_v8 cap, v0, v1;                                                                        \
            CCK_LOAD(cap, caps + row);                                                                 \
            CCK_LOAD(v0, s0 + row);                                                                    \
            CCK_LOAD(v1, s1 + row);                                                                    \
            if (clearing) {                                                                            \
                CCK_STORE(s0 + row, zero);                                                             \
                CCK_STORE(s1 + row, zero);                                                             \
            }                                                                                          \
            lanes0 = lanes0 + CCK_CAPPED(v0, cap);                                                     \
            lanes1 = lanes1 + CCK_CAPPED(v1, cap);                                                     \
        }                                                                                              \
        if (row < count) {                                                                             \
            /* The short end: absent lanes add +0, which changes no lane. */                           \
            cck_v8 tail0 = zero, tail1 = zero;                                                         \
            for (ptrdiff_t lane = 0; lane < count - row; lane++) {                                     \
                const double cap = caps[row + lane], v0 = s0[row + lane], v1 = s1[row + lane];         \
                if (clearing) {                                                                        \
                    s0[row + lane] = 0;                                                                \
                    s1[row + lane] = 0;                                                                \
                }                                                                                      \
                tail0[lane] = CCK_CAPPED_SCALAR(v0, cap);                                              \
                tail1[lane] = CCK_CAPPED_SCALAR(v1, cap);                                              \
            }                                                                                          \
            lanes0 = lanes0 + tail0;                                                                   \
            lanes1 = lanes1 + tail1;                                                                   \
        }                                                                                              \
        sums[0] = CCK_TREE(lanes0);                                                                    \
        sums[1] = CCK_TREE(lanes1);                                                                    \
    }

CCK_DISTANCE_SUMS(baseline, )
#if CCK_X86
CCK_DISTANCE_SUMS(avx2, CCK_AVX2)
CCK_DISTANCE_SUMS(avx512, CCK_AVX512)
#endif

// MARK: dispatch

/// Calls `NAME`'s implementation for `level` (the widest there is, not above it) with the arguments.
#if CCK_X86
#define CCK_DISPATCH(level, NAME, ...)                                                                     \
    ((level) >= CCK_LEVEL_AVX512 ? NAME##_avx512(__VA_ARGS__)                                              \
     : (level) == CCK_LEVEL_AVX2 ? NAME##_avx2(__VA_ARGS__)                                                \
                                 : NAME##_baseline(__VA_ARGS__))
#else
#define CCK_DISPATCH(level, NAME, ...) ((void)(level), NAME##_baseline(__VA_ARGS__))
#endif

// The sample: values of both signs and far apart in magnitude, so that a fused multiply-add or
// another order would show.
int cck_level_agrees(int level) {
    enum { STRIDE = 24, TERMS = 9, ROWS = 40 };
    double table[STRIDE * TERMS], weights[5], wide[STRIDE], narrow[STRIDE];
    double s0[ROWS], s1[ROWS], caps[ROWS], t0[ROWS], t1[ROWS], sums[2], reference[2];
    int32_t columns[5] = {3, 0, 8, 3, 5};
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < STRIDE * TERMS; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;   // xorshift64
        table[i] = ((double)(x >> 11) * 0x1p-53 - 0.5) * (i % 3 == 0 ? 1e8 : 1.0);
    }
    for (int i = 0; i < 5; i++) weights[i] = table[7 * i + 1] * 1e-4;
    CCK_DISPATCH(level, cck_score_all, table, STRIDE, columns, weights, 5, wide);
    cck_score_all_baseline(table, STRIDE, columns, weights, 5, narrow);
    if (memcmp(wide, narrow, sizeof wide) != 0) return 0;
    cck_ranking ranked, plain;
    int rankedOk = CCK_DISPATCH(level, cck_rank, narrow, 21, STRIDE, &ranked);
    int plainOk = cck_rank_baseline(narrow, 21, STRIDE, &plain);
    if (rankedOk != plainOk || memcmp(&ranked, &plain, sizeof ranked) != 0) return 0;
    for (int i = 0; i < ROWS; i++) {
        s0[i] = t0[i] = table[i] * 1e-8 + 0.5;
        s1[i] = t1[i] = table[i + ROWS];
        caps[i] = table[i + 2 * ROWS] > 0 ? 0.75 : 2;
    }
    CCK_DISPATCH(level, cck_capped_distance_sums, ROWS - 3, s0, s1, caps, 1, sums);
    cck_capped_distance_sums_baseline(ROWS - 3, t0, t1, caps, 1, reference);
    return memcmp(sums, reference, sizeof sums) == 0 && memcmp(s0, t0, sizeof s0) == 0;
}

int cck_best_level(void) {
    static int cached = -1;   // every thread computes the same value, so a race is harmless
    int level = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (level >= 0) return level;
    level = CCK_LEVEL_BASELINE;
#if CCK_X86
    __builtin_cpu_init();
    // (These also check that the operating system saves the wider registers.)
    if (__builtin_cpu_supports("avx512f")) level = CCK_LEVEL_AVX512;
    else if (__builtin_cpu_supports("avx2")) level = CCK_LEVEL_AVX2;
#endif
    // TRANSCRIPTMINER_KERNELS=baseline|avx2 caps the width (to compare them in one run).
    const char *cap = getenv("TRANSCRIPTMINER_KERNELS");
    if (cap != NULL && strcmp(cap, "baseline") == 0) level = CCK_LEVEL_BASELINE;
    if (cap != NULL && strcmp(cap, "avx2") == 0 && level > CCK_LEVEL_AVX2) level = CCK_LEVEL_AVX2;
    // A width that would not give the baseline's bits is never used: results must not depend on the CPU.
    while (level > CCK_LEVEL_BASELINE && !cck_level_agrees(level)) level--;
    __atomic_store_n(&cached, level, __ATOMIC_RELAXED);
    return level;
}

void cck_score_all_level(int level, const double *table, ptrdiff_t stride, const int32_t *columns,
                         const double *weights, ptrdiff_t count, double *out) {
    CCK_DISPATCH(level, cck_score_all, table, stride, columns, weights, count, out);
}

int cck_rank_level(int level, const double *scores, ptrdiff_t k, ptrdiff_t stride, cck_ranking *ranking) {
    return CCK_DISPATCH(level, cck_rank, scores, k, stride, ranking);
}

void cck_capped_distance_sums_level(int level, ptrdiff_t count, double *s0, double *s1, const double *caps,
                                    int clearing, double *sums) {
    CCK_DISPATCH(level, cck_capped_distance_sums, count, s0, s1, caps, clearing, sums);
}
