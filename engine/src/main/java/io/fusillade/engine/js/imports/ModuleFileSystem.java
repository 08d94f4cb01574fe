package io.fusillade.engine.js.imports;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system scripts see: the real one, read-only (for {@code import './lib.js'} and
 * {@code open()}), plus the built-in modules, served from memory.
 *
 * <p>GraalJS hands a bare specifier such as {@code k6/http} to {@link #parsePath(String)}
 * unchanged; this maps it to a path under {@link BuiltinModules#ROOT}, which no real file
 * shares. A remote URL ({@code https://...}) maps to a module that fails with a clear message.
 */
public final class ModuleFileSystem implements FileSystem {
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final FileSystem delegate = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final BuiltinModules modules;

    public ModuleFileSystem(BuiltinModules modules) {
        this.modules = modules;
    }

    @Override
    public Path parsePath(URI uri) {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return delegate.parsePath(uri);
        }
        return modules.remote(uri.toString());
    }

    @Override
    public Path parsePath(String path) {
        Path builtin = modules.resolve(path);
        if (builtin != null) {
            return builtin;
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return modules.remote(path);
        }
        return delegate.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (BuiltinModules.isBuiltin(path)) {
            if (modes.contains(AccessMode.WRITE)) {
                throw new IOException("built-in modules are read-only: " + path);
            }
            return;
        }
        delegate.checkAccess(path, modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        delegate.createDirectory(dir, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (BuiltinModules.isBuiltin(path)) {
            return new ReadOnlyChannel(modules.source(path));
        }
        return delegate.newByteChannel(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        return delegate.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return BuiltinModules.isBuiltin(path) ? path : delegate.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return BuiltinModules.isBuiltin(path) ? path : delegate.toRealPath(path, linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        if (!BuiltinModules.isBuiltin(path)) {
            return delegate.readAttributes(path, attributes, options);
        }
        Map<String, Object> result = new HashMap<>();
        result.put("isRegularFile", true);
        result.put("isDirectory", false);
        result.put("isSymbolicLink", false);
        result.put("isOther", false);
        result.put("size", (long) modules.source(path).length);
        result.put("lastModifiedTime", EPOCH);
        result.put("lastAccessTime", EPOCH);
        result.put("creationTime", EPOCH);
        return result;
    }

    @Override
    public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
        delegate.setCurrentWorkingDirectory(currentWorkingDirectory);
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        if (BuiltinModules.isBuiltin(path1) || BuiltinModules.isBuiltin(path2)) {
            return path1.equals(path2);
        }
        return delegate.isSameFile(path1, path2, options);
    }
}
