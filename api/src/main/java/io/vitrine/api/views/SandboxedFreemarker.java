package io.vitrine.api.views;

import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.DefaultMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * The one Freemarker set-up of every page, ours and the operator's per-tenant overrides alike: a template
 * may show what its model holds, never run code on the server.
 * <ul>
 *   <li>{@code "freemarker.template.utility.Execute"?new()} and every other {@code ?new}: no class resolves
 *       ({@link TemplateClassResolver#ALLOWS_NOTHING_RESOLVER}; the default resolver would create
 *       {@code Execute} and run a command);</li>
 *   <li>{@code ?api} off (it would reach the Java methods behind a wrapped map or list);</li>
 *   <li>Java objects of the model are seen through {@link DefaultMemberAccessPolicy} at
 *       {@link BeansWrapper#EXPOSE_SAFE}, narrowed by {@link NoReflection}: no {@code getClass()} (the default
 *       policy allows it, and {@code x.class.protectionDomain} shows the server's paths), nothing of a class,
 *       class loader, thread, reflection, method handle or security object, no fields.
 *       {@code ?eval}/{@code ?interpret} stay, but they evaluate FTL under these same rules.</li>
 * </ul>
 * Templates are {@code .ftlh}: HTML auto-escaping on, so every {@code ${...}} is escaped.
 */
final class SandboxedFreemarker {

    static final DefaultObjectWrapper WRAPPER = wrapper();

    private SandboxedFreemarker() {
    }

    static Configuration configuration(TemplateLoader loader) {
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(loader);
        freemarker.setDefaultEncoding(StandardCharsets.UTF_8.name());
        freemarker.setURLEscapingCharset(StandardCharsets.UTF_8.name()); // ?url in links
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setObjectWrapper(WRAPPER);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        return freemarker;
    }

    private static DefaultObjectWrapper wrapper() {
        DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        builder.setMemberAccessPolicy(new NoReflection(DefaultMemberAccessPolicy.getInstance(Configuration.VERSION_2_3_34)));
        builder.setExposureLevel(BeansWrapper.EXPOSE_SAFE);
        builder.setExposeFields(false);
        return builder.build();
    }

    /** The default policy, without {@code getClass()} and without any member of the JVM's reflective types. */
    private record NoReflection(MemberAccessPolicy base) implements MemberAccessPolicy {

        private static final String[] REFLECTIVE_PACKAGES = {"java.lang.reflect.", "java.lang.invoke.", "java.security.",
                "sun.", "jdk."};

        @Override
        public ClassMemberAccessPolicy forClass(Class<?> type) {
            ClassMemberAccessPolicy inner = base.forClass(type);
            boolean reflective = reflective(type);
            return new ClassMemberAccessPolicy() {
                @Override
                public boolean isMethodExposed(Method method) {
                    return !reflective && !method.getName().equals("getClass") && inner.isMethodExposed(method);
                }

                @Override
                public boolean isConstructorExposed(Constructor<?> constructor) {
                    return !reflective && inner.isConstructorExposed(constructor);
                }

                @Override
                public boolean isFieldExposed(Field field) {
                    return !reflective && inner.isFieldExposed(field);
                }
            };
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return base.isToStringAlwaysExposed();
        }

        private static boolean reflective(Class<?> type) {
            if (type == Class.class || ClassLoader.class.isAssignableFrom(type) || Thread.class.isAssignableFrom(type)
                    || Module.class.isAssignableFrom(type) || Runtime.class.isAssignableFrom(type)) {
                return true;
            }
            for (String prefix : REFLECTIVE_PACKAGES) {
                if (type.getName().startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
