#!/usr/bin/env python3
"""gpu-image-matrix smoke check: does torch in this environment work, and is it the one expected?

Runs inside the image (the action mounts it read-only, with gim_packages.py beside it) or
standalone on any host, from its folder in the repository:

    python3 check.py --expect-torch 2.4.1 --expect-cuda 12.4
    python3 check.py --expect-torch 2.4.1 --expect-cuda cpu --no-gpu

Prints one line "GIM-SMOKE-RESULT {json}" with every check and what it saw, and exits 0 when
every check passed, 1 otherwise. Python 3.7+ and torch 1.13+; nothing else is needed but
gim_packages.py, the version and package helpers it shares with the Dockerfile template.
"""
import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import traceback
import warnings

# The helpers sit beside this file (mounted with it in the container); sys.path[0] is that
# directory already, unless the image sets PYTHONSAFEPATH.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gim_packages import dpkg_packages, installed, normalise, release, satisfies  # noqa: E402

MARKER = "GIM-SMOKE-RESULT "


class Report:
    def __init__(self):
        self.checks = []
        self.facts = {}

    def check(self, name, ok, value=None, expected=None, message=None):
        entry = {"name": name, "ok": bool(ok)}
        if value is not None:
            entry["value"] = value
        if expected is not None:
            entry["expected"] = expected
        if message:
            entry["message"] = message
        self.checks.append(entry)
        return bool(ok)

    def failed(self, name, exc):
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return self.check(name, False, message=text)

    def emit(self, started):
        ok = all(c["ok"] for c in self.checks)
        out = {"tool": "gpu-image-matrix-smoke", "version": 1, "ok": ok, "seconds": round(time.time() - started, 2)}
        out.update(self.facts)
        out["checks"] = self.checks
        sys.stdout.flush()
        print(MARKER + json.dumps(out, sort_keys=False), flush=True)
        return 0 if ok else 1


def covered(capability, arch_list):
    """Whether the wheel has kernels this device can run: SASS for its major version at or below
    its minor (sm_86 runs on 8.9, not on 9.0), or PTX (compute_XY) at or below its capability."""
    major, minor = capability
    for arch in arch_list:
        m = re.match(r"(sm|compute)_(\d+)(\d)$", arch)
        if not m:
            continue
        kind, a_major, a_minor = m.group(1), int(m.group(2)), int(m.group(3))
        if kind == "sm" and a_major == major and a_minor <= minor:
            return True
        if kind == "compute" and (a_major, a_minor) <= (major, minor):
            return True
    return False


def run(args):
    started = time.time()
    r = Report()
    r.facts["python"] = platform.python_version()
    # what the container runs on ("aarch64" for a linux/arm64 image, emulated or not)
    r.facts["machine"] = platform.machine()
    if args.framework in ("tensorflow", "jax"):
        r.facts["framework"] = args.framework
        (tensorflow_checks if args.framework == "tensorflow" else jax_checks)(r, args)
        if args.inventory:
            inventory_checks(r, args)
        if args.then:
            user_script(r, args.then, args.user_timeout, args.then_cwd)
        return r.emit(started)
    try:
        import torch
    except Exception as exc:  # noqa: BLE001 - anything here means torch is unusable
        r.failed("torch imports", exc)
        return r.emit(started)
    r.check("torch imports", True, value=torch.__file__)
    r.facts["torch"] = torch.__version__
    r.facts["cuda"] = torch.version.cuda

    if args.expect_torch:
        r.check(
            "torch version",
            same_build(torch.__version__, args.expect_torch),
            value=torch.__version__,
            expected=args.expect_torch,
            message=None if same_build(torch.__version__, args.expect_torch)
            else "torch is %s, expected %s" % (torch.__version__, args.expect_torch),
        )
    if args.expect_cuda:
        if args.expect_cuda == "cpu":
            r.check("torch CUDA version", torch.version.cuda is None, value=torch.version.cuda, expected="none (a CPU build)",
                    message=None if torch.version.cuda is None else "torch is built for CUDA %s, expected a CPU build" % torch.version.cuda)
        else:
            got = ".".join(str(x) for x in (release(torch.version.cuda) or ())[:2]) if torch.version.cuda else None
            r.check("torch CUDA version", got == args.expect_cuda, value=torch.version.cuda, expected=args.expect_cuda,
                    message=None if got == args.expect_cuda
                    else "torch is built for CUDA %s, expected %s" % (torch.version.cuda or "none (a CPU build)", args.expect_cuda))

    if args.gpu:
        gpu_checks(r, torch, args)
    else:
        try:
            a, b = torch.randn(32, 32), torch.randn(32, 32)
            r.check("matmul on CPU", torch.allclose(a @ b, torch.mm(a, b)))
        except Exception as exc:  # noqa: BLE001
            r.failed("matmul on CPU", exc)

    numpy_interop(r, torch)
    libraries(r, torch, args, absent_in_inventory(args))
    if args.devel:
        extension_checks(r, torch, args)
    if args.inventory:
        inventory_checks(r, args)
    if args.then:
        user_script(r, args.then, args.user_timeout, args.then_cwd)
    return r.emit(started)


def gpu_checks(r, torch, args):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            available = torch.cuda.is_available()
            if available:
                torch.cuda.init()
        except Exception as exc:  # noqa: BLE001
            r.failed("CUDA initialises", exc)
            return
    init_warnings = [str(w.message).strip() for w in caught]
    r.check("CUDA initialises without warnings", not init_warnings, value=init_warnings or None,
            message="; ".join(init_warnings) if init_warnings else None)
    if not r.check("torch.cuda.is_available()", available, value=available, expected=True,
                   message=None if available else "torch sees no usable GPU"):
        return
    count = torch.cuda.device_count()
    r.check("GPU count", count >= args.min_gpus, value=count, expected=">= %d" % args.min_gpus)
    arch_list = torch.cuda.get_arch_list()
    r.facts["archList"] = arch_list
    gpus = []
    for i in range(count):
        name = torch.cuda.get_device_name(i)
        cap = torch.cuda.get_device_capability(i)
        sm = "sm_%d%d" % cap
        gpus.append({"index": i, "name": name, "capability": "%d.%d" % cap})
        r.check("kernels for GPU %d (%s, %s)" % (i, name, sm), covered(cap, arch_list), value=sm, expected=" ".join(arch_list),
                message=None if covered(cap, arch_list) else "this wheel has no kernels for %s (it has %s)" % (sm, ", ".join(arch_list)))
        try:
            a, b = torch.randn(64, 64), torch.randn(64, 64)
            on_gpu = (a.cuda(i) @ b.cuda(i)).cpu()
            torch.cuda.synchronize(i)
            r.check("matmul on GPU %d" % i, torch.allclose(on_gpu, a @ b, rtol=1e-3, atol=1e-3))
        except Exception as exc:  # noqa: BLE001
            r.failed("matmul on GPU %d" % i, exc)
    r.facts["gpus"] = gpus
    try:
        cudnn = torch.backends.cudnn.is_available()
        version = torch.backends.cudnn.version() if cudnn else None
        r.facts["cudnn"] = version
        r.check("cuDNN available", cudnn, value=version)
    except Exception as exc:  # noqa: BLE001
        r.failed("cuDNN available", exc)
    library_origins(r, torch)
    try:
        nccl = torch.cuda.nccl.version()
        r.facts["nccl"] = ".".join(str(x) for x in nccl) if isinstance(nccl, tuple) else nccl
    except Exception:  # noqa: BLE001 - NCCL is optional (not in every build)
        r.facts["nccl"] = None


# The CUDA libraries a framework's wheel brings itself: torch's large wheels bundle them in torch/lib,
# its small wheels require the nvidia-cudnn-cu1X and nvidia-cublas-cu1X packages (site-packages/nvidia/*/lib).
WHEEL_CUDA_LIBRARIES = ("cudnn", "cublas")


def loaded_libraries(maps_text):
    """The files of each of WHEEL_CUDA_LIBRARIES a process has mapped, as /proc/self/maps lists them:
    {"cudnn": [paths], "cublas": [paths]} (libcudnn_ops.so.9 and libcublasLt.so.12 count with their family)."""
    found = {}
    for line in maps_text.splitlines():
        fields = line.split(None, 5)
        if len(fields) < 6 or not fields[5].startswith("/"):
            continue
        path = fields[5].strip()
        name = os.path.basename(path)
        for family in WHEEL_CUDA_LIBRARIES:
            if name.startswith("lib" + family) and ".so" in name:
                paths = found.setdefault(family, [])
                if path not in paths:
                    paths.append(path)
    return found


def wheel_library_dirs(torch_file, site_dirs):
    """Where the wheels keep CUDA libraries: torch/lib, and each site-packages/nvidia/*/lib."""
    dirs = [os.path.join(os.path.dirname(torch_file), "lib")]
    for site in site_dirs:
        nvidia = os.path.join(site, "nvidia")
        if os.path.isdir(nvidia):
            dirs.extend(os.path.join(nvidia, d, "lib") for d in sorted(os.listdir(nvidia)))
    seen = set()
    return [d for d in dirs if os.path.isdir(d) and not (os.path.realpath(d) in seen or seen.add(os.path.realpath(d)))]


def torch_requirements(torch_file):
    """The names torch's wheel requires (Requires-Dist of its dist-info METADATA, read as a file: Python 3.7
    has no importlib.metadata), lowercased; empty when there is no dist-info (a torch built from source)."""
    site = os.path.dirname(os.path.dirname(torch_file))
    names = set()
    try:
        metas = [os.path.join(site, d, "METADATA") for d in os.listdir(site) if d.lower().startswith("torch-") and d.endswith(".dist-info")]
    except OSError:
        return names
    for meta in metas:
        try:
            with open(meta, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    if line.startswith("Requires-Dist:"):
                        m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line[len("Requires-Dist:"):])
                        if m:
                            names.add(m.group(1).lower().replace("_", "-"))
        except (OSError, IOError):
            continue
    return names


def judge_origins(r, loaded, wheel_dirs, required=frozenset()):
    """One check per library family torch's wheel provides, bundled in torch/lib (wheel_dirs[0]) or required
    as an nvidia-<family>* package: the copy loaded must be a wheel's, not the system's (a cudnn base under
    the wheel's own cuDNN, with LD_LIBRARY_PATH or ld.so.conf putting it first). A family torch takes from
    the system (an NGC image, a source build) is recorded only, whatever other packages installed."""
    real = [os.path.realpath(d) + os.sep for d in wheel_dirs]
    r.facts["loadedFrom"] = loaded
    bundled_dir = wheel_dirs[0] if wheel_dirs and os.path.basename(os.path.dirname(wheel_dirs[0])) == "torch" else None
    for family in WHEEL_CUDA_LIBRARIES:
        bundled = bundled_dir and any(n.startswith("lib" + family) and ".so" in n for n in os.listdir(bundled_dir))
        package = sorted(n for n in required if n.startswith("nvidia-" + family))
        if not bundled and not package:
            continue
        where = bundled_dir if bundled else "the %s package's folder (site-packages/nvidia)" % package[0]
        paths = loaded.get(family, [])
        name = "lib%s loaded from the wheel" % family
        outside = [p for p in paths if not any(os.path.realpath(p).startswith(d) for d in real)]
        if not paths:
            r.check(name, True, value=None, expected=where, message="not loaded by this check's GPU work")
        elif outside:
            r.check(name, False, value=outside, expected=where,
                    message="%s was loaded from %s, not from the copy torch's wheel installed (%s): LD_LIBRARY_PATH or the "
                            "image's ld.so.conf puts the system copy first; remove it from the image (a slim base has none) "
                            "or from LD_LIBRARY_PATH" % (os.path.basename(outside[0]), os.path.dirname(outside[0]), where))
        else:
            r.check(name, True, value=paths, expected=where)


def library_origins(r, torch):
    """After a convolution (cuDNN) and the matmuls above (cuBLAS): where those libraries were loaded from."""
    try:
        x = torch.randn(1, 3, 16, 16, device="cuda")
        w = torch.randn(4, 3, 3, 3, device="cuda")
        torch.nn.functional.conv2d(x, w)
        torch.cuda.synchronize()
    except Exception as exc:  # noqa: BLE001
        r.failed("convolution on GPU 0 (cuDNN)", exc)
        return
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            maps = f.read()
        import site
        sites = list(getattr(site, "getsitepackages", lambda: [])()) + [p for p in sys.path if p.endswith("-packages")]
        judge_origins(r, loaded_libraries(maps), wheel_library_dirs(torch.__file__, sites), torch_requirements(torch.__file__))
    except Exception as exc:  # noqa: BLE001
        r.failed("CUDA libraries' origin", exc)


def numpy_interop(r, torch):
    """torch <-> NumPy both ways. A torch built against NumPy 1.x (before 2.3) under NumPy 2 only prints
    "A module that was compiled using NumPy 1.x cannot be run in NumPy 2" on import, and fails here."""
    try:
        import numpy as np
    except ImportError:
        r.facts["numpy"] = None  # torch itself does not need NumPy
        return
    r.facts["numpy"] = np.__version__
    name = "NumPy interop (torch.from_numpy, .numpy())"
    try:
        a = np.arange(6, dtype=np.float32).reshape(2, 3)
        back = (torch.from_numpy(a) * 2).numpy()
        r.check(name, back.tolist() == (a * 2).tolist(), value=np.__version__)
    except Exception as exc:  # noqa: BLE001 - "Numpy is not available", a crash of the C API
        r.failed(name, exc)


def absent_in_inventory(args):
    """What the image's inventory says its base image lacks (torchvision, torchaudio), or nothing."""
    try:
        with open(args.inventory, encoding="utf-8") as f:
            return set(json.load(f).get("absent") or [])
    except (TypeError, OSError, IOError, ValueError, AttributeError):
        return set()


def libraries(r, torch, args, absent=frozenset()):
    for lib, expected in (("torchvision", args.expect_torchvision), ("torchaudio", args.expect_torchaudio)):
        if not expected:
            continue
        if lib in absent:
            r.check("%s (not in the base image)" % lib, True, value=None, expected=expected,
                    message="the base image has no %s; the image's inventory records it, so it is not checked" % lib)
            continue
        try:
            module = __import__(lib)
            got = module.__version__
            r.facts[lib] = got
            ok = same_build(got, expected)
            r.check("%s version" % lib, ok, value=got, expected=expected,
                    message=None if ok else "%s is %s, expected %s" % (lib, got, expected))
        except Exception as exc:  # noqa: BLE001
            r.failed("%s imports" % lib, exc)
            continue
        if lib == "torchvision":
            device = "cuda" if args.gpu and torch.cuda.is_available() else "cpu"
            try:
                boxes = torch.tensor([[0.0, 0.0, 10.0, 10.0], [1.0, 1.0, 11.0, 11.0]], device=device)
                kept = module.ops.nms(boxes, torch.tensor([0.9, 0.8], device=device), 0.5)
                r.check("torchvision op on %s (nms)" % device, kept.tolist() == [0], value=kept.tolist())
            except Exception as exc:  # noqa: BLE001
                r.failed("torchvision op on %s (nms)" % device, exc)


# devel: a tiny extension, built the way teams build theirs (torch.utils.cpp_extension.load_inline, ninja).
EXTENSION_CPP = "torch::Tensor gim_axpb(torch::Tensor x) { return x * 2 + 1; }\n"
EXTENSION_CUDA = """
__global__ void gim_square_kernel(const float* x, float* y, int64_t n) {
  int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = x[i] * x[i] + 1.0f;
}
torch::Tensor gim_square(torch::Tensor x) {
  auto y = torch::empty_like(x);
  int64_t n = x.numel();
  gim_square_kernel<<<(unsigned)((n + 255) / 256), 256>>>(x.data_ptr<float>(), y.data_ptr<float>(), n);
  return y;
}
"""
# What a failed compile's message keeps: its end, where the compiler's error is.
MESSAGE_TAIL = 4000


def nvcc_release(text):
    """The CUDA release nvcc --version names ("Cuda compilation tools, release 12.4, V12.4.131"), or None."""
    m = re.search(r"release (\d+)\.(\d+)", text or "")
    return "%s.%s" % m.groups() if m else None


def nvcc_matches(nvcc, torch_cuda):
    """(ok, message): cpp_extension refuses an nvcc of another major CUDA version than torch's and only
    warns about another minor; the template's devel base has the same major.minor."""
    want = major_minor(torch_cuda)
    if nvcc is None:
        return False, "nvcc --version names no CUDA release"
    if nvcc == want:
        return True, None
    if nvcc.split(".")[0] != (want or "").split(".")[0]:
        return False, ("nvcc is CUDA %s, torch is built for CUDA %s: torch.utils.cpp_extension refuses another major version"
                       % (nvcc, want))
    return True, ("nvcc is CUDA %s, torch is built for %s: extensions build (torch only warns), but the devel base should match"
                  % (nvcc, want))


def compile_arch(arch_list):
    """The newest architecture of a TORCH_CUDA_ARCH_LIST ("8.0;9.0+PTX" -> "9.0"): the smoke compiles for
    one, to be quick; the whole list is what torch accepted above."""
    found = []
    for part in re.split(r"[;\s]+", arch_list or ""):
        m = re.match(r"(\d+)\.(\d)[af]?(\+PTX)?$", part)
        if m:
            found.append(((int(m.group(1)), int(m.group(2))), part.replace("+PTX", "")))
    return max(found)[1] if found else None


def extension_checks(r, torch, args):
    """devel: can this image build a CUDA extension? The toolchain (ninja, nvcc of torch's CUDA, the
    headers, an architecture list torch accepts), then a tiny extension compiled with load_inline and
    called: its C++ part on the CPU, its CUDA kernel on GPU 0 in GPU mode (without a GPU it is compiled
    and loaded, not run)."""
    started = time.time()
    facts = {"archList": os.environ.get("TORCH_CUDA_ARCH_LIST")}
    r.facts["extension"] = facts
    try:
        from torch.utils import cpp_extension
    except Exception as exc:  # noqa: BLE001 - no setuptools, most often
        r.failed("torch.utils.cpp_extension imports", exc)
        return
    arch_list = facts["archList"]
    if args.expect_arch_list is not None:
        r.check("TORCH_CUDA_ARCH_LIST", arch_list == args.expect_arch_list, value=arch_list, expected=args.expect_arch_list,
                message=None if arch_list == args.expect_arch_list
                else "TORCH_CUDA_ARCH_LIST is %s, expected %s" % (arch_list or "unset", args.expect_arch_list))
    ninja = cpp_extension.is_ninja_available()
    r.check("ninja", ninja, message=None if ninja
            else "ninja is not on PATH: load() and load_inline() refuse to build, setup.py builds fall back to one job")
    cuda_build = torch.version.cuda is not None
    toolkit = False
    if cuda_build:
        home = cpp_extension.CUDA_HOME
        nvcc = os.path.join(home, "bin", "nvcc") if home else None
        toolkit = r.check("CUDA toolkit", bool(nvcc) and os.path.isfile(nvcc), value=home,
                          message=None if nvcc and os.path.isfile(nvcc)
                          else "no nvcc (CUDA_HOME %s): the image has no CUDA compiler" % (home or "not found"))
        if toolkit:
            try:
                out = subprocess.run([nvcc, "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     timeout=60).stdout[:65536].decode("utf-8", "replace")
                got = nvcc_release(out)
                facts["nvcc"] = got
                ok, message = nvcc_matches(got, torch.version.cuda)
                toolkit = r.check("nvcc matches torch's CUDA", ok, value=got, expected=major_minor(torch.version.cuda), message=message)
            except Exception as exc:  # noqa: BLE001
                toolkit = r.failed("nvcc matches torch's CUDA", exc)
            header = os.path.join(home, "include", "cuda_runtime.h")
            toolkit = r.check("CUDA headers", os.path.isfile(header), value=header,
                              message=None if os.path.isfile(header) else "%s is missing" % header) and toolkit
        if arch_list:
            try:
                flags = cpp_extension._get_cuda_arch_flags()
                r.check("torch accepts TORCH_CUDA_ARCH_LIST", True, value=" ".join(flags))
            except Exception as exc:  # noqa: BLE001 - "Unknown CUDA arch (11.0) or GPU not supported"
                r.failed("torch accepts TORCH_CUDA_ARCH_LIST", exc)
    if ninja:
        build_extension(r, torch, cpp_extension, cuda_build and toolkit, args.gpu)
    facts["seconds"] = round(time.time() - started, 1)


def build_extension(r, torch, cpp_extension, with_cuda, on_gpu):
    name = "C++%s extension builds (load_inline)" % (" and CUDA" if with_cuda else "")
    saved = os.environ.get("TORCH_CUDA_ARCH_LIST")
    try:
        if with_cuda:
            cap = torch.cuda.get_device_capability(0) if on_gpu and torch.cuda.is_available() else None
            arch = "%d.%d" % cap if cap else compile_arch(saved)
            if arch:
                os.environ["TORCH_CUDA_ARCH_LIST"] = arch
            r.facts["extension"]["compiledFor"] = arch
        started = time.time()
        module = cpp_extension.load_inline(
            name="gim_smoke_extension",
            cpp_sources=EXTENSION_CPP + ("torch::Tensor gim_square(torch::Tensor x);\n" if with_cuda else ""),
            cuda_sources=EXTENSION_CUDA if with_cuda else None,
            functions=["gim_axpb"] + (["gim_square"] if with_cuda else []),
            build_directory=tempfile.mkdtemp(prefix="gim-extension-"),
            verbose=False,
        )
        r.facts["extension"]["buildSeconds"] = round(time.time() - started, 1)
        r.check(name, True)
    except Exception as exc:  # noqa: BLE001
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        r.check(name, False, message=text[-MESSAGE_TAIL:])
        return
    finally:
        if saved is None:
            os.environ.pop("TORCH_CUDA_ARCH_LIST", None)
        else:
            os.environ["TORCH_CUDA_ARCH_LIST"] = saved
    try:
        got = module.gim_axpb(torch.arange(4, dtype=torch.float32)).tolist()
        r.check("C++ extension runs", got == [1.0, 3.0, 5.0, 7.0], value=got, expected=[1.0, 3.0, 5.0, 7.0])
    except Exception as exc:  # noqa: BLE001
        r.failed("C++ extension runs", exc)
    if with_cuda and on_gpu and torch.cuda.is_available():
        try:
            x = torch.arange(1000, dtype=torch.float32, device="cuda:0")
            y = module.gim_square(x)
            torch.cuda.synchronize(0)
            r.check("CUDA extension kernel runs on GPU 0", torch.equal(y.cpu(), (x * x + 1).cpu()))
        except Exception as exc:  # noqa: BLE001
            r.failed("CUDA extension kernel runs on GPU 0", exc)


def same_build(have, want):
    """Whether an installed version is the one the entry names: the same release numbers, and for a
    nightly the same build ("2.16.0.dev20261201+cu130" is 2.16.0.dev20261201, not .dev20261130).
    Here, not in gim_packages.py, which the template inlines: a change there rebuilds every image."""
    def dev(v):
        m = re.search(r"\.dev(\d+)", v or "")
        return m.group(1) if m else None
    return release(have) == release(want) and dev(have) == dev(want)


def major_minor(version):
    parts = release(version)
    return "%d.%d" % parts[:2] if parts else None


def version_check(r, name, got, expected):
    ok = same_build(got, expected)
    r.check("%s version" % name, ok, value=got, expected=expected, message=None if ok else "%s is %s, expected %s" % (name, got, expected))


def tensorflow_checks(r, args):
    """TensorFlow: the build's CUDA and cuDNN against the entry, the GPUs it sees, and real work on
    them: a matmul, a convolution (cuDNN) and an XLA-compiled function, each checked against the CPU.
    Listing devices is not enough: missing libraries, ptxas or an old cuDNN show only on first use."""
    # The library-loading messages are VLOG(1) in current TensorFlow: hidden unless asked for.
    os.environ.setdefault("TF_CPP_VMODULE", "dso_loader=1,cuda_dnn=1")
    try:
        import numpy as np
        import tensorflow as tf
    except Exception as exc:  # noqa: BLE001
        r.failed("tensorflow imports", exc)
        return
    r.check("tensorflow imports", True, value=tf.__file__)
    r.facts["tensorflow"] = tf.__version__
    if args.expect_version:
        version_check(r, "tensorflow", tf.__version__, args.expect_version)
    try:
        info = dict(tf.sysconfig.get_build_info())
    except Exception as exc:  # noqa: BLE001
        r.failed("tensorflow build info", exc)
        info = {}
    r.facts["cuda"] = info.get("cuda_version")
    r.facts["cudnn"] = info.get("cudnn_version")
    r.facts["archList"] = info.get("cuda_compute_capabilities")
    if args.expect_cuda == "cpu":
        r.check("tensorflow CUDA build", not info.get("is_cuda_build"), value=bool(info.get("is_cuda_build")), expected=False)
    elif args.expect_cuda:
        got = major_minor(str(info.get("cuda_version") or ""))
        r.check("tensorflow CUDA version", got == args.expect_cuda, value=info.get("cuda_version"), expected=args.expect_cuda,
                message=None if got == args.expect_cuda
                else "tensorflow is built for CUDA %s, expected %s" % (info.get("cuda_version"), args.expect_cuda))
        if args.expect_cudnn:
            want = args.expect_cudnn.split(".")[0]
            have = str(info.get("cudnn_version") or "").split(".")[0]
            r.check("tensorflow cuDNN major", have == want, value=info.get("cudnn_version"), expected=want,
                    message=None if have == want else "tensorflow is built for cuDNN %s, expected %s" % (info.get("cudnn_version"), want))
    a = np.random.RandomState(0).rand(128, 128).astype(np.float32)
    x = np.random.RandomState(1).rand(1, 16, 16, 3).astype(np.float32)
    k = np.random.RandomState(2).rand(3, 3, 3, 8).astype(np.float32)
    if not args.gpu:
        try:
            with tf.device("/CPU:0"):
                got = tf.linalg.matmul(a, a).numpy()
            r.check("matmul on CPU", np.allclose(got, a @ a, rtol=1e-4, atol=1e-4))
        except Exception as exc:  # noqa: BLE001
            r.failed("matmul on CPU", exc)
        return
    gpus = tf.config.list_physical_devices("GPU")
    if not r.check("GPU count", len(gpus) >= args.min_gpus, value=len(gpus), expected=">= %d" % args.min_gpus,
                   message=None if len(gpus) >= args.min_gpus
                   else "tensorflow sees no GPU" if not gpus else "tensorflow sees %d GPUs" % len(gpus)):
        return
    details = []
    for g in gpus:
        try:
            d = tf.config.experimental.get_device_details(g)
            details.append({"name": d.get("device_name"), "capability": "%d.%d" % tuple(d.get("compute_capability") or (0, 0))})
        except Exception:  # noqa: BLE001
            details.append({"name": g.name})
    r.facts["gpus"] = details
    try:
        with tf.device("/CPU:0"):
            conv_cpu = tf.nn.conv2d(x, k, strides=1, padding="SAME").numpy()
    except Exception as exc:  # noqa: BLE001
        r.failed("convolution on CPU (the reference)", exc)
        return
    work = (
        ("matmul on GPU 0", lambda: tf.linalg.matmul(a, a).numpy(), a @ a),
        ("convolution on GPU 0 (cuDNN)", lambda: tf.nn.conv2d(x, k, strides=1, padding="SAME").numpy(), conv_cpu),
        ("XLA-compiled function on GPU 0",
         lambda: tf.function(lambda t: tf.reduce_sum(t * 2.0), jit_compile=True)(tf.constant(a)).numpy(), np.sum(a * 2.0)),
    )
    for name, fn, expected in work:
        try:
            with tf.device("/GPU:0"):
                got = fn()
            r.check(name, np.allclose(got, expected, rtol=1e-2, atol=1e-2))
        except Exception as exc:  # noqa: BLE001
            r.failed(name, exc)


def jax_checks(r, args):
    """JAX: JAX_PLATFORMS=cuda so that a CPU fallback cannot pass, the devices it sees, the CUDA
    plugin's major, and a jitted matmul checked against NumPy."""
    os.environ["JAX_PLATFORMS"] = "cuda" if args.gpu else "cpu"
    try:
        import numpy as np
        import jax
        import jaxlib
    except Exception as exc:  # noqa: BLE001
        r.failed("jax imports", exc)
        return
    r.check("jax imports", True, value=jax.__file__)
    r.facts["jax"] = jax.__version__
    r.facts["jaxlib"] = getattr(jaxlib, "__version__", None) or installed("jaxlib")
    if args.expect_version:
        version_check(r, "jax", jax.__version__, args.expect_version)
    if args.gpu and args.expect_cuda and args.expect_cuda != "cpu":
        major = args.expect_cuda.split(".")[0]
        plugin = installed("jax-cuda%s-plugin" % major)
        r.facts["cudaPlugin"] = plugin
        r.check("jax CUDA %s plugin" % major, plugin is not None, value=plugin, expected="jax-cuda%s-plugin" % major,
                message=None if plugin else "jax-cuda%s-plugin is not installed (was jax[cuda%s] installed?)" % (major, major))
    try:
        devices = jax.devices()
    except Exception as exc:  # noqa: BLE001
        r.failed("jax devices", exc)
        return
    r.facts["devices"] = [str(d) for d in devices]
    if args.gpu:
        gpus = [d for d in devices if d.platform == "gpu"]
        if not r.check("GPU count", len(gpus) >= args.min_gpus, value=len(gpus), expected=">= %d" % args.min_gpus,
                       message=None if len(gpus) >= args.min_gpus else "jax sees no GPU"):
            return
    a = np.random.RandomState(0).rand(128, 128).astype(np.float32)
    where = "GPU 0" if args.gpu else "CPU"
    try:
        got = np.asarray(jax.jit(lambda x, y: x @ y)(a, a).block_until_ready())
        r.check("jitted matmul on %s" % where, np.allclose(got, a @ a, rtol=1e-2, atol=1e-2))
    except Exception as exc:  # noqa: BLE001
        r.failed("jitted matmul on %s" % where, exc)


def inventory_checks(r, args):
    """The image's inventory (written by the embedded template): is it this entry's, and is what it
    says was requested really there, as the image runs now?"""
    try:
        with open(args.inventory, encoding="utf-8") as f:
            inv = json.load(f)
    except (OSError, IOError) as exc:
        if args.require_inventory:
            r.check("inventory", False, message="the image has no inventory at %s (%s); this entry customises the "
                    "embedded template, which writes one: was the image built from another Dockerfile?" % (args.inventory, exc))
        return
    except ValueError as exc:
        r.failed("inventory readable", exc)
        return
    entry = inv.get("entry") or {}
    base = inv.get("baseImage") or {}
    r.facts["inventory"] = {
        "path": args.inventory,
        "key": entry.get("key"),
        "pythonPackages": len(inv.get("pythonPackages") or []),
        "systemPackages": len(inv.get("systemPackages") or []),
        "baseImage": {"name": base.get("name"), "digest": base.get("digest")},
    }
    if args.expect_key:
        r.check("inventory is this entry's", entry.get("key") == args.expect_key, value=entry.get("key"), expected=args.expect_key,
                message=None if entry.get("key") == args.expect_key
                else "the image was built for entry %s (%s), not %s" % (entry.get("key"), entry.get("tag"), args.expect_key))
    for pin in inv.get("constraints") or []:
        if "==" not in pin:
            m = re.match(r"([A-Za-z0-9._-]+)(.*)$", pin)
            name, spec = (m.group(1), m.group(2)) if m else (pin, "")
            now = installed(name)
            ok = now is None or satisfies(now, spec)
            r.check("%s%s as held at build" % (name, spec), ok, value=now, expected=spec,
                    message=None if ok else "%s is %s, the build held it to %s" % (name, now, spec))
            continue
        name, _, version = pin.partition("==")
        now = installed(name)
        r.check("%s as pinned at build" % name, now == version, value=now, expected=version,
                message=None if now == version else "%s is %s, the build pinned %s" % (name, now, version))
    requested = inv.get("requested") or {}
    apt = requested.get("aptPackages") or []
    if apt:
        dpkg = {p["name"]: p["version"] for p in dpkg_packages()}
        for item in apt:
            name, _, want = item.partition("=")
            name = name.split("/")[0]
            have = dpkg.get(name)
            ok = have is not None and (not want or have == want)
            r.check("apt package %s" % name, ok, value=have, expected=want or "installed",
                    message=None if ok
                    else ("%s is not installed" % name if have is None else "%s is %s, requested %s" % (name, have, want)))
    for item in requested.get("pipPackages") or []:
        m = re.match(r"([^\[<>=!~;\s]+)(\[[^\]]*\])?(.*)$", item)
        name, specifiers = m.group(1), m.group(3)
        have = installed(normalise(name)) or installed(name)
        ok = have is not None and satisfies(have, specifiers)
        r.check("pip package %s" % item, ok, value=have, expected=specifiers or "installed",
                message=None if ok
                else ("%s is not installed" % name if have is None else "%s is %s, requested %s" % (name, have, specifiers)))
    req = requested.get("requirements")
    if req:
        wrong = []
        for pin in req.get("pins") or []:
            name, _, version = pin.partition("==")
            have = installed(name)
            if have is None or not satisfies(have, "==" + version):
                wrong.append("%s is %s, pinned %s" % (name, have or "not installed", version))
        r.check("requirements %s (%d pins)" % (req.get("file"), len(req.get("pins") or [])), not wrong,
                value=len(req.get("pins") or []), message="; ".join(wrong) or None)
    env = requested.get("env") or {}
    if env:
        wrong = sorted(k for k, v in env.items() if os.environ.get(k) != v)
        r.check("environment (%s)" % ", ".join(sorted(env)), not wrong,
                message=None if not wrong else "not as the image sets them: %s" % ", ".join(wrong))
    if requested.get("workdir"):
        here = os.getcwd()
        r.check("working directory", here == requested["workdir"], value=here, expected=requested["workdir"])
    if requested.get("user"):
        import pwd
        uid = os.getuid()
        try:
            name = pwd.getpwuid(uid).pw_name
        except KeyError:
            name = None
        ok = uid != 0 and name == requested["user"]
        r.check("runs as user %s" % requested["user"], ok, value="%s (uid %d)" % (name, uid), expected=requested["user"],
                message=None if ok else "the container runs as %s (uid %d), not %s" % (name, uid, requested["user"]))


def user_script(r, path, timeout, cwd=None):
    try:
        done = subprocess.run([sys.executable, path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, cwd=cwd)
        tail = done.stdout.decode("utf-8", "replace").strip().splitlines()[-20:]
        r.check("smoke-script %s" % path, done.returncode == 0, value=done.returncode,
                message=None if done.returncode == 0 else "exit status %d; last output:\n%s" % (done.returncode, "\n".join(tail)))
    except subprocess.TimeoutExpired:
        r.check("smoke-script %s" % path, False, message="did not finish within %d s" % timeout)


def main(argv=None):
    p = argparse.ArgumentParser(description="gpu-image-matrix smoke check")
    p.add_argument("--framework", choices=("pytorch", "tensorflow", "jax"), default="pytorch")
    p.add_argument("--expect-version", help="tensorflow or jax: the version expected")
    p.add_argument("--expect-cudnn", help="tensorflow: the cuDNN (major) the build must report")
    p.add_argument("--expect-torch")
    p.add_argument("--expect-cuda", help='CUDA major.minor the wheel is built for, or "cpu"')
    p.add_argument("--expect-torchvision")
    p.add_argument("--expect-torchaudio")
    p.add_argument("--no-gpu", dest="gpu", action="store_false", help="CPU mode: skip the GPU checks")
    p.add_argument("--min-gpus", type=int, default=1)
    p.add_argument("--then", help="a Python script to run after the checks, as one more check")
    p.add_argument("--user-timeout", type=int, default=600)
    p.add_argument("--then-cwd", help="the directory to run the --then script in")
    p.add_argument("--inventory", help="the image's inventory file (read when present)")
    p.add_argument("--expect-key", help="the entry key the inventory must name")
    p.add_argument("--require-inventory", action="store_true", help="fail when the inventory is missing")
    p.add_argument("--devel", action="store_true", help="pytorch devel image: build (and on a GPU run) a tiny CUDA extension")
    p.add_argument("--expect-arch-list", help="devel: the TORCH_CUDA_ARCH_LIST the image must set")
    return run(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
