"""How passwords are stored: Argon2id at OWASP's recommended parameters (SEC-08, LOAD-02, LOAD-03).

Argon2id is the first choice of OWASP's Password Storage Cheat Sheet and of RFC 9106. It is
memory-hard: each guess costs an attacker 19 MiB as well as time, which graphics cards and
custom chips cannot cheapen the way they cheapen PBKDF2. OWASP rates m=19 MiB, t=2, p=1 as
strong as PBKDF2-HMAC-SHA256 at 600,000 iterations.

Why not Django's defaults: PBKDF2 at Django 5.2's 1,000,000 iterations takes about 0.25 s of CPU
per sign-in here, and Django's own Argon2 settings (100 MiB, 8 lanes) about as much again spread
over both cores. At quarter end every lead signs in within minutes (LOAD-02 starts five a second):
at 0.25 s each, signing in alone took most of a 2-core machine, and every page queued behind it.
These parameters cost about 30 ms.

Hashes made with other settings (PBKDF2, older Argon2 parameters) still work: Django checks them
with the hasher that made them and stores a new Argon2id hash at the next successful sign-in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    # OWASP Password Storage Cheat Sheet: "a minimum configuration of 19 MiB of memory, an
    # iteration count of 2, and 1 degree of parallelism". Django's Argon2 hasher is Argon2id.
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
