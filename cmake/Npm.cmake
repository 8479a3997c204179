# tactful_npm_build(NAME name DIR project_dir OUTPUTS file... SOURCES file...)
#
# Builds a front-end npm project at build time and defines ${NAME}_OUTPUT_FILES (in the caller's
# scope): the absolute paths of OUTPUTS inside ${CMAKE_CURRENT_BINARY_DIR}/web-${NAME}, ready to be
# handed to tactful_embed() in the same directory. Two steps, each re-run only when its inputs
# change:
#   1. `npm ci` in DIR, whenever package.json or package-lock.json changes (node_modules stays in
#      the source tree, git-ignored, so editors and `npm test` see it too);
#   2. `npm run build` in DIR with TACTFUL_WEB_OUT set to the output directory, whenever one of
#      SOURCES changes. The project's build script must write exactly OUTPUTS there.
# npm and Node.js come from Debian (scripts/install-deps.sh); nothing is fetched at run time.
function(tactful_npm_build)
  cmake_parse_arguments(N "" "NAME;DIR" "OUTPUTS;SOURCES" ${ARGN})
  find_program(TACTFUL_NPM npm REQUIRED)
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/web-${N_NAME})
  set(installed ${CMAKE_CURRENT_BINARY_DIR}/web-${N_NAME}.npm-ci.stamp)
  add_custom_command(
    OUTPUT ${installed}
    COMMAND ${TACTFUL_NPM} ci --no-audit --no-fund --silent
    COMMAND ${CMAKE_COMMAND} -E touch ${installed}
    WORKING_DIRECTORY ${N_DIR}
    DEPENDS ${N_DIR}/package.json ${N_DIR}/package-lock.json
    COMMENT "npm ci (${N_NAME})"
    VERBATIM)
  set(outputs "")
  foreach(f IN LISTS N_OUTPUTS)
    list(APPEND outputs ${out_dir}/${f})
  endforeach()
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${out_dir}
    COMMAND ${CMAKE_COMMAND} -E env TACTFUL_WEB_OUT=${out_dir} ${TACTFUL_NPM} run --silent build
    WORKING_DIRECTORY ${N_DIR}
    DEPENDS ${installed} ${N_SOURCES}
    COMMENT "npm run build (${N_NAME})"
    VERBATIM)
  set(${N_NAME}_OUTPUT_FILES ${outputs} PARENT_SCOPE)
endfunction()
